using System.Text;

namespace BffReference.Api.Attachments;

/// <summary>
/// Checks a body against its declared type while it streams, so a renamed
/// executable is refused before it is stored: binary types by their magic
/// number, text types as valid UTF-8 without NUL. The same rules as the
/// mock's content-sniffer.ts.
/// </summary>
public sealed class ContentSniffer
{
    public static readonly IReadOnlyList<string> ContentTypes =
        ["image/png", "image/jpeg", "image/gif", "application/pdf", "application/zip", "text/plain", "text/csv"];

    private static readonly Dictionary<string, byte[][]> Signatures = new()
    {
        ["image/png"] = [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
        ["image/jpeg"] = [[0xff, 0xd8, 0xff]],
        ["image/gif"] = ["GIF87a"u8.ToArray(), "GIF89a"u8.ToArray()],
        ["application/pdf"] = ["%PDF-"u8.ToArray()],
        // A local file header, or an empty archive.
        ["application/zip"] = [[0x50, 0x4b, 0x03, 0x04], [0x50, 0x4b, 0x05, 0x06]],
    };

    private const int SignatureLength = 8;

    private readonly byte[][]? _signatures;
    private readonly byte[] _head = new byte[SignatureLength];
    private int _headLength;
    private readonly Decoder? _utf8;
    private readonly char[] _chars = new char[4096];
    private bool _valid = true;

    public ContentSniffer(string contentType)
    {
        if (Signatures.TryGetValue(contentType, out var signatures)) _signatures = signatures;
        // throwOnInvalidBytes: a byte sequence that is not UTF-8 throws instead of becoming U+FFFD.
        else _utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetDecoder();
    }

    /// <summary>False as soon as the bytes so far cannot be the declared type.</summary>
    public bool Push(ReadOnlySpan<byte> chunk)
    {
        if (!_valid) return false;
        if (_signatures is not null)
        {
            var take = Math.Min(chunk.Length, SignatureLength - _headLength);
            chunk[..take].CopyTo(_head.AsSpan(_headLength));
            _headLength += take;
            return _valid = _signatures.Any(signature => _head.AsSpan(0, Math.Min(_headLength, signature.Length)).SequenceEqual(signature.AsSpan(0, Math.Min(_headLength, signature.Length))));
        }
        return _valid = !chunk.Contains((byte)0) && Decode(chunk, flush: false);
    }

    /// <summary>Whether the whole body was the declared type.</summary>
    public bool Finish()
    {
        if (!_valid) return false;
        // A body shorter than its signature cannot be the type; one ending inside a multi-byte character is not UTF-8.
        if (_signatures is not null) return _signatures.Any(signature => _headLength >= signature.Length);
        return Decode([], flush: true);
    }

    private bool Decode(ReadOnlySpan<byte> bytes, bool flush)
    {
        try
        {
            // The decoder keeps a character split across chunks for the next one; the text itself is not needed.
            do
            {
                _utf8!.Convert(bytes, _chars, flush, out var used, out _, out var completed);
                bytes = bytes[used..];
                if (completed) break;
            }
            while (!bytes.IsEmpty);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
