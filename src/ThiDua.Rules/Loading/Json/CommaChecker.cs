using ThiDua.Rules.Model;

namespace ThiDua.Rules.Loading.Json;

/// <summary>
/// Newtonsoft tolerates trailing commas (<c>[1, 2,]</c>) and empty elements (<c>[1,,2]</c>); strict JSON does not, and
/// a clerk's stray comma usually means something was deleted by mistake. Fed the text piece by piece (so a streamed
/// file is checked as it is read), it remembers the first offending comma.
/// </summary>
internal sealed class CommaChecker
{
    private int _line = 1;
    private int _column;
    private bool _inString;
    private bool _escaped;
    private bool _afterCarriageReturn;
    private char _previous;
    private int _commaLine;
    private int _commaColumn;

    /// <summary>The first problem found: its position, code and argument (the character after a trailing comma), or null.</summary>
    public (int Line, int Column, Validation.DiagnosticCode Code, string? Argument)? Problem { get; private set; }

    public void Feed(ReadOnlySpan<char> text)
    {
        if (Problem is not null)
        {
            return;
        }

        foreach (var c in text)
        {
            if (c == '\n')
            {
                // "\r\n" is one line end, as for the JSON reader.
                if (!_afterCarriageReturn)
                {
                    _line++;
                }

                _afterCarriageReturn = false;
                _column = 0;
                continue;
            }

            if (c == '\r')
            {
                _line++;
                _column = 0;
                _afterCarriageReturn = true;
                continue;
            }

            _afterCarriageReturn = false;
            _column++;
            if (_inString)
            {
                if (_escaped)
                {
                    _escaped = false;
                }
                else if (c == '\\')
                {
                    _escaped = true;
                }
                else if (c == '"')
                {
                    _inString = false;
                    _previous = c;
                }

                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                continue;
            }

            if (_previous == ',' && c is '}' or ']' or ',')
            {
                Problem = c == ','
                    ? (_commaLine, _commaColumn, Validation.DiagnosticCodes.JsonEmptyElement, null)
                    : (_commaLine, _commaColumn, Validation.DiagnosticCodes.JsonTrailingComma, c.ToString());
                return;
            }

            if (c == ',' && _previous is '[' or '{')
            {
                Problem = (_line, _column, Validation.DiagnosticCodes.JsonEmptyElement, null);
                return;
            }

            if (c == ',')
            {
                _commaLine = _line;
                _commaColumn = _column;
            }

            _inString = c == '"';
            _previous = c;
        }
    }

    /// <summary>Reports the problem, if any; returns whether the text is free of stray commas.</summary>
    public bool Report(string file, Validation.DiagnosticBag diagnostics)
    {
        if (Problem is not { } p)
        {
            return true;
        }

        diagnostics.Add(p.Code, new SourceSpan(file, p.Line, p.Column), p.Argument is null ? [] : [p.Argument]);
        return false;
    }
}
