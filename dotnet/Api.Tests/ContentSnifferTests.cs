using System.Text;
using BffReference.Api.Attachments;

namespace BffReference.Api.Tests;

/// <summary>The network decides where chunks split; the verdict must not depend on it.</summary>
public sealed class ContentSnifferTests
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13];

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(64)]
    public void A_signature_or_a_character_split_across_chunks_still_counts(int chunkSize)
    {
        Assert.True(Sniff("image/png", Png, chunkSize));
        Assert.True(Sniff("text/csv", Encoding.UTF8.GetBytes("name,note\nZoë,☕ 😀\n"), chunkSize));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(64)]
    public void Bytes_that_are_not_the_type_are_refused(int chunkSize)
    {
        Assert.False(Sniff("image/png", [0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00], chunkSize));
        Assert.False(Sniff("image/png", Png[..5], chunkSize));
        Assert.False(Sniff("text/plain", [0x68, 0x69, 0x00], chunkSize));
        Assert.False(Sniff("text/plain", [0x68, 0xff, 0x69], chunkSize));
        // Ends in the middle of "é".
        Assert.False(Sniff("text/plain", [0x68, 0xc3], chunkSize));
    }

    private static bool Sniff(string contentType, byte[] body, int chunkSize)
    {
        var sniffer = new ContentSniffer(contentType);
        for (var offset = 0; offset < body.Length; offset += chunkSize)
        {
            if (!sniffer.Push(body.AsSpan(offset, Math.Min(chunkSize, body.Length - offset)))) return false;
        }
        return sniffer.Finish();
    }
}
