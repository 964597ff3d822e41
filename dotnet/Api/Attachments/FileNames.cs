using System.Text.RegularExpressions;
using BffReference.Api.Http;

namespace BffReference.Api.Attachments;

/// <summary>
/// A client's file name, made into display text, exactly as the mock's
/// sanitizeFileName (mocks/sanitize-file-name.ts): the last path segment only,
/// without invisible characters, trimmed, at most 255 UTF-16 units without
/// splitting a surrogate pair. It is never used as a path: files are stored under ids.
/// </summary>
public static partial class FileNames
{
    public const int MaxLength = 255;
    public const string Fallback = "attachment";

    public static string Sanitize(string raw)
    {
        var lastSegment = raw.Split('/', '\\')[^1];
        var name = TextRules.Trim(Invisible().Replace(lastSegment, ""))!;
        if (name.Length > MaxLength)
        {
            name = name[..MaxLength];
            if (char.IsHighSurrogate(name[^1])) name = name[..^1];
        }
        return name is "" or "." or ".." ? Fallback : name;
    }

    // The characters TextRules.TitlePattern refuses in a title.
    [GeneratedRegex(@"[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2066-\u2069]")]
    private static partial Regex Invisible();
}
