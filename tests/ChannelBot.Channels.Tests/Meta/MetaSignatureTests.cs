using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChannelBot.Channels.Meta;

namespace ChannelBot.Channels.Tests.Meta;

/// <summary><c>X-Hub-Signature-256</c> over the raw bytes (channels.md, conformance check 16).</summary>
public sealed class MetaSignatureTests
{
    private static readonly byte[] VectorBody = Encoding.UTF8.GetBytes("""{"object":"page","entry":[]}""");

    private const string VectorSignature = "sha256=0e9e0080a310f376450c46d999aa4d49ed772bfe43c13205f38a3a6e6611ed2b";

    [Fact]
    public void The_reference_vector_is_computed_exactly()
    {
        Assert.Equal(VectorSignature, MetaSignature.Compute("appsecret", VectorBody));
    }

    [Fact]
    public void The_reference_vector_verifies()
    {
        Assert.True(MetaSignature.IsValid("appsecret", VectorSignature, VectorBody));
    }

    [Fact]
    public void Upper_case_hex_verifies_too()
    {
        Assert.True(MetaSignature.IsValid("appsecret", "sha256=" + VectorSignature["sha256=".Length..].ToUpperInvariant(), VectorBody));
    }

    [Theory]
    [InlineData("appsecret2")]
    [InlineData("Appsecret")]
    public void Another_secret_fails(string secret)
    {
        Assert.False(MetaSignature.IsValid(secret, VectorSignature, VectorBody));
    }

    [Theory]
    [InlineData("0e9e0080a310f376450c46d999aa4d49ed772bfe43c13205f38a3a6e6611ed2b")]
    [InlineData("sha1=0e9e0080a310f376450c46d999aa4d49ed772bfe43c13205f38a3a6e6611ed2b")]
    [InlineData("sha256=0e9e0080a310f376450c46d999aa4d49ed772bfe43c13205f38a3a6e6611ed2")]
    [InlineData("sha256=0e9e0080a310f376450c46d999aa4d49ed772bfe43c13205f38a3a6e6611ed2bff")]
    [InlineData("sha256=ze9e0080a310f376450c46d999aa4d49ed772bfe43c13205f38a3a6e6611ed2b")]
    [InlineData("sha256=")]
    [InlineData("")]
    [InlineData(null)]
    public void A_header_that_is_not_sha256_and_64_hex_digits_fails(string? header)
    {
        Assert.False(MetaSignature.IsValid("appsecret", header, VectorBody));
    }

    [Fact]
    public void One_changed_byte_fails()
    {
        var tampered = (byte[])VectorBody.Clone();
        tampered[^2] = (byte)' ';

        Assert.False(MetaSignature.IsValid("appsecret", VectorSignature, tampered));
    }

    [Fact]
    public void A_body_with_unicode_escapes_verifies_on_its_raw_bytes_and_not_once_re_serialized()
    {
        var raw = MetaFixtures.Read("unicode");
        Assert.Contains(@"\u00e4", Encoding.UTF8.GetString(raw), StringComparison.Ordinal);
        Assert.Contains(@"\/", Encoding.UTF8.GetString(raw), StringComparison.Ordinal);
        var header = MetaSignature.Compute("appsecret", raw);

        // What a framework does when it binds the body and hashes it again: parse, write back (UTF-8, no escapes).
        var reserialized = Encoding.UTF8.GetBytes(JsonNode.Parse(raw)!.ToJsonString(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));

        Assert.True(MetaSignature.IsValid("appsecret", header, raw));
        Assert.NotEqual(raw, reserialized);
        Assert.False(MetaSignature.IsValid("appsecret", header, reserialized));
    }
}
