using System.Text;

namespace ThiDua.Rules.Cli;

internal static class Program
{
    public static int Main(string[] args)
    {
        Console.OutputEncoding = new UTF8Encoding(false);
        // Standard output is buffered (a report of a million people is millions of small writes); it is flushed once at
        // the end. Standard error is flushed at every line, so messages appear as they happen.
        TextWriter output = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16) { AutoFlush = false, NewLine = "\n" };
        TextWriter error = new TerminalSafeWriter(new StreamWriter(Console.OpenStandardError(), new UTF8Encoding(false)) { AutoFlush = true, NewLine = "\n" });
        if (!Console.IsOutputRedirected)
        {
            // On a terminal, nothing from the data may drive it (colours, OSC-8 links, rewritten lines); files and pipes
            // get the bytes as they are (a CSV's CR LF line ends included).
            output = new TerminalSafeWriter(output);
        }

        CliContext.ConsoleError = error;
        var code = CliApp.Run(args, output, error);
        try
        {
            output.Flush();
        }
        catch (IOException ex)
        {
            // The reader of a pipe went away (| head): nothing more can be delivered.
            error.WriteLine("thidua: " + Writing.ReportCatalog.Format("cli.output-failed", CliApp.LanguageOf(args),
                Validation.DiagnosticCatalog.Localize(Validation.DiagnosticCatalog.FileProblem(ex), CliApp.LanguageOf(args))));
            return code == ExitCodes.Success ? ExitCodes.BadInput : code;
        }

        return code;
    }
}
