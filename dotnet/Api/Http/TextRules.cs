using System.ComponentModel.DataAnnotations;

namespace BffReference.Api.Http;

public static class TextRules
{
    /// <summary>
    /// The same pattern as the mock's titlePattern (mocks/schemas.ts), so both
    /// OpenAPI documents state it: control characters (C0, C1), bidirectional
    /// overrides and isolates, zero-width characters and direction marks, line
    /// and paragraph separators. They are invisible and can make a title
    /// display as something else ("Trojan Source"). Other Unicode is welcome.
    /// </summary>
    public const string TitlePattern = @"^[^\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2066-\u2069]*$";

    public const string TitlePatternMessage = "Title must not contain control characters or invisible formatting characters.";

    /// <summary>
    /// What JavaScript's String.prototype.trim removes, as the mock trims. Not
    /// .NET's Trim(): that also removes U+0085, a C1 control the title rule
    /// must see and refuse, and keeps U+FEFF.
    /// </summary>
    private static readonly char[] Whitespace =
    [
        '\t', '\n', '\v', '\f', '\r', ' ', '\u00a0', '\u1680',
        '\u2000', '\u2001', '\u2002', '\u2003', '\u2004', '\u2005', '\u2006', '\u2007', '\u2008', '\u2009', '\u200a',
        '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff',
    ];

    public static string? Trim(string? value) => value?.Trim(Whitespace);
}

/// <summary>
/// Refuses lone surrogates: JSON can carry one ("\ud800"), but it is not text
/// and UTF-8 cannot store it.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class WellFormedTextAttribute : ValidationAttribute
{
    public override bool IsValid(object? value)
    {
        if (value is not string text) return true;
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
            else if (char.IsSurrogate(text[i])) return false;
        }
        return true;
    }
}
