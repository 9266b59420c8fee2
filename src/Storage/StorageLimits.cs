namespace CowHealth.Storage;

/// <summary>Column sizes that validation elsewhere must agree with.</summary>
public static class StorageLimits
{
    /// <summary>Longest cow, farm or sensor id; ear-tag numbers and bolus serials fit easily.</summary>
    public const int IdLength = 64;

    /// <summary>Longest enum name or event type name stored as text.</summary>
    public const int NameLength = 64;

    /// <summary>Longest name of the person who acknowledges an alert.</summary>
    public const int PersonLength = 200;

    /// <summary>Longest note on an acknowledgement.</summary>
    public const int NoteLength = 2_000;
}
