namespace CowHealth.Storage;

/// <summary>Column sizes that validation elsewhere must agree with.</summary>
public static class StorageLimits
{
    /// <summary>Longest cow, farm or sensor id; ear-tag numbers and bolus serials fit easily.</summary>
    public const int IdLength = 64;
}
