using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace CowHealth.Gateway.Security;

/// <summary>
/// The configured API keys, held as SHA-256 digests. A presented key is compared with every one of
/// them in constant time and without stopping at a match, so neither the answer's timing nor its
/// length tells a guesser anything about the keys.
/// </summary>
public sealed class ApiKeyRing
{
    private readonly (string Client, byte[] Digest)[] _keys;

    public ApiKeyRing(IOptions<GatewayAccessOptions> options) =>
        _keys = [.. options.Value.ApiKeys.Select(k => (k.Key, Digest(k.Value)))];

    /// <summary>No key is configured: nobody can write.</summary>
    public bool IsEmpty => _keys.Length == 0;

    /// <summary>The client whose key <paramref name="presentedKey"/> is, or null.</summary>
    public string? ClientOf(string presentedKey)
    {
        var presented = Digest(presentedKey);
        string? client = null;
        foreach (var key in _keys)
        {
            if (CryptographicOperations.FixedTimeEquals(key.Digest, presented))
            {
                client ??= key.Client;
            }
        }

        return client;
    }

    // Digests have one length whatever the key's, which FixedTimeEquals needs to be constant-time.
    private static byte[] Digest(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
