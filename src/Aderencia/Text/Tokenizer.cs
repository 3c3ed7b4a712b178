using System.Globalization;
using System.Runtime.CompilerServices;

namespace Aderencia.Text;

/// <summary>
/// Splits text into word tokens without allocating. Rules:
/// <list type="bullet">
/// <item>A token is a run of letters and digits (any script; combining marks stay with their letter).
/// Letters and digits mix freely: "5g", "h2", "mp3", "1º".</item>
/// <item>A hyphen (-, U+2010, U+2011) between two letters/digits joins a compound: "castanha-do-brasil",
/// "covid-19", "pós-graduação"; <see cref="CompoundMode"/> chooses whole, parts or both.</item>
/// <item>A '.' or ',' between two digits stays inside a number: "2.146", "10,8", "4.0", "1.000.000".</item>
/// <item>Up to two '+' or one '#' right after a token and not followed by a letter/digit belong to it:
/// "redd+", "c++", "c#". Otherwise '+' and '#' are separators.</item>
/// <item>Everything else (punctuation, symbols, spaces, apostrophes, '%', '/', '_') separates tokens and is dropped.</item>
/// </list>
/// Tokens keep the original text's offsets and case; normalize each token afterwards.
/// </summary>
public static class Tokenizer
{
    /// <summary>Enumerates the tokens of <paramref name="text"/>: <c>foreach (Token t in Tokenizer.Tokenize(text))</c>.</summary>
    public static TokenEnumerator Tokenize(ReadOnlySpan<char> text, CompoundMode compounds = CompoundMode.Whole) =>
        new(text, compounds);

    private static readonly byte[] Classes = BuildClasses();
    private const byte Other = 0, LetterClass = 1, DigitClass = 2, MarkClass = 3;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static byte Classify(char c)
    {
        if (c < 0x250) return Classes[c];
        if (char.IsLetter(c)) return LetterClass;
        if (char.IsDigit(c)) return DigitClass;
        return CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
            ? MarkClass : Other;
    }

    private static byte[] BuildClasses()
    {
        var classes = new byte[0x250];
        for (int i = 0; i < classes.Length; i++)
        {
            char c = (char)i;
            classes[i] = char.IsLetter(c) ? LetterClass : char.IsDigit(c) ? DigitClass
                : i is >= 0x300 and <= 0x36F ? MarkClass : Other;
        }
        return classes;
    }

    private static bool IsHyphen(char c) => c is '-' or '\u2010' or '\u2011';

    /// <summary>Allocation-free token enumerator over a span.</summary>
    public ref struct TokenEnumerator
    {
        private readonly ReadOnlySpan<char> _text;
        private readonly CompoundMode _mode;
        private int _pos;
        private int _partPos;
        private int _compoundEnd = -1;
        private Token _current;

        internal TokenEnumerator(ReadOnlySpan<char> text, CompoundMode mode)
        {
            _text = text;
            _mode = mode;
        }

        public readonly Token Current => _current;

        public readonly TokenEnumerator GetEnumerator() => this;

        public bool MoveNext()
        {
            if (_compoundEnd >= 0)
            {
                if (NextPart()) return true;
                _compoundEnd = -1;
            }

            ReadOnlySpan<char> text = _text;
            int i = _pos;
            while (i < text.Length && Classify(text[i]) is not (LetterClass or DigitClass)) i++;
            if (i >= text.Length)
            {
                _pos = i;
                return false;
            }

            int start = i;
            TokenFlags flags = TokenFlags.None;
            while (true)
            {
                while (i < text.Length)
                {
                    byte k = Classify(text[i]);
                    if (k == LetterClass) flags |= TokenFlags.Letter;
                    else if (k == DigitClass) flags |= TokenFlags.Digit;
                    else if (k != MarkClass) break;
                    i++;
                }
                if (i + 1 >= text.Length) break;
                char sep = text[i];
                byte after = Classify(text[i + 1]);
                if (IsHyphen(sep) && after is LetterClass or DigitClass)
                    flags |= TokenFlags.Compound;
                else if (sep is '.' or ',' && after == DigitClass && Classify(text[i - 1]) == DigitClass)
                { }
                else break;
                i++;
            }
            i = TrailingSymbols(text, i);
            _pos = i;

            if ((flags & TokenFlags.Compound) != 0 && _mode != CompoundMode.Whole)
            {
                _partPos = start;
                _compoundEnd = i;
                if (_mode == CompoundMode.Parts) return NextPart();
            }
            _current = new Token(start, i - start, flags);
            return true;
        }

        private static int TrailingSymbols(ReadOnlySpan<char> text, int i)
        {
            int j = i;
            if (j < text.Length && text[j] == '#') j++;
            else
                while (j < text.Length && text[j] == '+' && j - i < 2) j++;
            if (j == i) return i;
            return j < text.Length && Classify(text[j]) is LetterClass or DigitClass ? i : j;
        }

        private bool NextPart()
        {
            ReadOnlySpan<char> text = _text;
            int i = _partPos;
            if (i >= _compoundEnd) return false;
            int start = i;
            TokenFlags flags = TokenFlags.Part;
            while (i < _compoundEnd && !IsHyphen(text[i]))
            {
                byte k = Classify(text[i]);
                if (k == LetterClass) flags |= TokenFlags.Letter;
                else if (k == DigitClass) flags |= TokenFlags.Digit;
                i++;
            }
            _partPos = i + 1;
            _current = new Token(start, i - start, flags);
            return true;
        }
    }
}
