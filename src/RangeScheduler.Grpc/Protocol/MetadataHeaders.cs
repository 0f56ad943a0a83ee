using Microsoft.Extensions.Primitives;

namespace RangeScheduler.Grpc.Protocol;

/// <summary>Metadata to HTTP headers and back; <c>-bin</c> values travel base64-encoded.</summary>
internal static class MetadataHeaders
{
    public static string ToHeaderValue(Metadata.Entry entry) =>
        entry.IsBinary ? Convert.ToBase64String(entry.ValueBytes) : entry.Value;

    /// <summary>Adds a header to metadata unless it is reserved; a malformed value is passed over rather than failing the call.</summary>
    public static void AddFromHeader(Metadata metadata, string name, StringValues values)
    {
        if (GrpcProtocol.IsReservedHeader(name))
        {
            return;
        }
        foreach (var value in values)
        {
            if (value is null)
            {
                continue;
            }
            if (Metadata.Entry.IsBinaryKey(name.ToLowerInvariant()))
            {
                // Several binary values may arrive comma-joined in one header.
                foreach (var part in value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                {
                    if (TryDecodeBase64(part, out var bytes))
                    {
                        metadata.Add(name, bytes);
                    }
                }
            }
            else
            {
                TryAdd(metadata, name, value);
            }
        }
    }

    private static void TryAdd(Metadata metadata, string name, string value)
    {
        try
        {
            metadata.Add(name, value);
        }
        catch (ArgumentException)
        {
            // A peer sent a header that is not valid gRPC metadata; the call goes on without it.
        }
    }

    /// <summary>gRPC allows unpadded base64 in -bin headers; .NET's decoder wants padding.</summary>
    private static bool TryDecodeBase64(string value, out byte[] bytes)
    {
        var padded = (value.Length % 4) switch
        {
            2 => value + "==",
            3 => value + "=",
            _ => value,
        };
        bytes = new byte[padded.Length * 3 / 4];
        if (Convert.TryFromBase64String(padded, bytes, out var written))
        {
            bytes = bytes[..written];
            return true;
        }
        return false;
    }
}
