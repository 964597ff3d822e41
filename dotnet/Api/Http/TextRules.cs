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
