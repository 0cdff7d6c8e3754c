using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ThiDua.Rules.Loading;
using Xunit;

namespace ThiDua.Rules.Tests.Loading;

public sealed class NfcTests
{
    // Characters on both sides of the shortcut's edges: ASCII, Latin-1, the end of the spacing modifiers, the combining
    // marks that follow them, Vietnamese letters precomposed and their parts, characters that NFC changes on their own
    // (Ångström, Kelvin, Ohm, the Greek question mark), Hangul jamo that compose, and a letter past Latin Extended Additional.
    private static readonly char[] Interesting =
    [
        'a', 'e', 'o', 'u', 'A', 'D', ' ', '1', '\u00C0', '\u00E2', '\u00EA', '\u00F4', '\u0110', '\u0111', '\u01A0', '\u01A1',
        '\u01AF', '\u01B0', '\u02FF', '\u0300', '\u0301', '\u0303', '\u0309', '\u0323', '\u0340', '\u0341', '\u0302', '\u031B',
        '\u1DFF', '\u1E00', '\u1EA0', '\u1EBF', '\u1EC7', '\u1EF9', '\u1EFF', '\u1F00', '\u1F71', '\u212B', '\u212A', '\u2126',
        '\u037E', '\u1100', '\u1161', '\u11A8', '\uAC00',
    ];

    [Property(MaxTest = 2_000)]
    public Property Of_AnyText_IsWhatNormalizeGives()
    {
        var texts = Gen.ArrayOf(Gen.Elements(Interesting)).Select(chars => new string(chars));
        return Prop.ForAll(Arb.From(texts), text =>
            (Nfc.Of(text) == text.Normalize(NormalizationForm.FormC)).Label(string.Join(" ", text.Select(c => ((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture)))));
    }

    [Theory]
    [InlineData("Nguyễn Văn An")]
    [InlineData("Cán bộ 199478")]
    [InlineData("plain ascii")]
    public void Of_PrecomposedText_IsTheSameString(string text)
    {
        Assert.Same(text, Nfc.Of(text));
    }

    [Fact]
    public void Of_CombiningMarks_AreComposed()
    {
        // "Nguyễn" typed as "e" + circumflex + tilde.
        Assert.Equal("Nguy\u1EC5n", Nfc.Of("Nguye\u0302\u0303n"));
    }
}
