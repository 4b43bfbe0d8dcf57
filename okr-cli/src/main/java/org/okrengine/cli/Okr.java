package org.okrengine.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code okr} command: analyse cycles, backtest forecasts, write retrospectives, fit the forecast model, generate
 * the example data.
 */
@Command(name = "okr", mixinStandardHelpOptions = true, versionProvider = BuildVersion.class,
    description = "Forecasts, risks and reports for OKR cycles (okr-cycle/1 JSON or JSON Lines).",
    footer = {"", "Examples:",
        "  okr analyze examples/acme-2026-q3.json --as-of 2026-08-19",
        "  okr explain examples/acme-2026-q3.json KR-3 --as-of 2026-08-19",
        "  okr help analyze"},
    subcommands = {AnalyzeCommand.class, BacktestCommand.class, RetroCommand.class, FitCommand.class,
        GraphCommand.class, ExamplesCommand.class, SyncCommand.class, CompletionCommand.class, ExplainCommand.class,
        WhatifCommand.class, PlanCommand.class,
        CommandLine.HelpCommand.class})
public final class Okr implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  /** Exit code: success. */
  public static final int OK = 0;
  /** Exit code: an internal error. */
  public static final int INTERNAL = 1;
  /** Exit code: bad input (file, document or option). */
  public static final int BAD_INPUT = 2;
  /** Exit code of {@code okr sync}: some sources failed (the others were merged). */
  public static final int SOURCES_FAILED = 3;
  /**
   * Exit code: the reader closed standard output ({@code okr analyze ... | head}); nothing is said. 128 + SIGPIPE
   * (13), the status of git and the GNU tools, which die of SIGPIPE there (the JVM ignores the signal).
   */
  public static final int CLOSED_BY_READER = 141;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Runs the command line with the given streams and returns the exit code. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    return run(args, out, err, false);
  }

  /**
   * Runs the command line; {@code console} says that {@code out} is a terminal (then {@code okr analyze} wraps its
   * text to the terminal's width and colours statuses unless {@code NO_COLOR} is set).
   */
  static int run(String[] args, PrintWriter out, PrintWriter err, boolean console) {
    return run(args, out, err, console, null);
  }

  /**
   * As {@link #run(String[], PrintWriter, PrintWriter, boolean)}, {@code out} writing to {@code stdout} (or null):
   * when a write failed because the reader closed it, the exit code is {@link #CLOSED_BY_READER} and nothing is said.
   */
  static int run(String[] args, PrintWriter out, PrintWriter err, boolean console, Stdout stdout) {
    CommandLine cl = new CommandLine(new Okr());
    // -V on every subcommand says the command's version (the build's, BuildVersion)
    for (CommandLine sub : cl.getSubcommands().values()) {
      sub.getCommandSpec().versionProvider(cl.getCommandSpec().versionProvider());
    }
    // picocli's help command, whose annotations are not ours, gets its examples here
    cl.getSubcommands().get("help").getCommandSpec().usageMessage().footer("", "Examples:", "  okr help analyze",
        "  okr help whatif");
    ((AnalyzeCommand) cl.getSubcommands().get("analyze").getCommand()).console = console;
    cl.setOut(out);
    cl.setErr(err);
    // --as-of DATE (explain, whatif, graph): a value that is no date is named as one, not as java.time's exception
    cl.registerConverter(LocalDate.class, s -> {
      try {
        return LocalDate.parse(s);
      } catch (DateTimeParseException e) {
        throw new CommandLine.TypeConversionException("not a date (yyyy-mm-dd, such as 2026-08-19): '"
            + ConsoleText.printable(cut(s)) + "'");
      }
    });
    // picocli's own messages quote the arguments as given ("Unknown option: '...'"): one line each, escaped
    cl.setParameterExceptionHandler((ex, given) -> {
      CommandLine cmd = ex.getCommandLine();
      PrintWriter w = cmd.getErr();
      w.println(ConsoleText.printable(ex.getMessage()));
      if (!CommandLine.UnmatchedArgumentException.printSuggestions(ex, w)) {
        cmd.usage(w, cmd.getColorScheme());
      }
      w.flush();
      return cmd.getCommandSpec().exitCodeOnInvalidInput();
    });
    cl.setExecutionExceptionHandler((ex, line, parse) -> {
      if (ex instanceof BadInputException bad) {
        for (String m : bad.messages()) {
          line.getErr().println(ConsoleText.printable(m)); // one line each, whatever the input's text holds
        }
        line.getErr().flush();
        return BAD_INPUT;
      }
      line.getErr().println("okr: internal error: " + ex);
      if (System.getenv("OKR_DEBUG") != null) {
        ex.printStackTrace(line.getErr());
      }
      line.getErr().flush();
      return INTERNAL;
    });
    int code;
    try {
      code = cl.execute(args);
    } catch (Throwable t) {
      // an Error (OutOfMemoryError, StackOverflowError) passes picocli's handler: one line, never a stack trace
      err.println("okr: internal error: " + t);
      err.flush();
      return INTERNAL;
    }
    // a failed write (a full disk: okr analyze EX > /dev/full) is an error, not a success; a reader that stopped
    // reading (okr analyze EX | head) is neither: quiet, with the status of a tool killed by SIGPIPE
    if (out.checkError() && stdout != null && stdout.closedByReader()) {
      err.flush();
      return code == OK ? CLOSED_BY_READER : code;
    }
    if (out.checkError()) {
      err.println("okr: could not write the output (standard output closed, or the device is full)");
      err.flush();
      return code == OK ? INTERNAL : code;
    }
    err.flush();
    return code;
  }

  /** {@code s} cut at 80 characters (code points) with "...", as the readers cut a value they quote. */
  private static String cut(String s) {
    return s.codePointCount(0, s.length()) > 80 ? s.substring(0, s.offsetByCodePoints(0, 80)) + "..." : s;
  }

  /** Entry point. */
  public static void main(String[] args) {
    Stdout stdout = new Stdout(new java.io.FileOutputStream(java.io.FileDescriptor.out));
    PrintWriter out = new PrintWriter(stdout, true, java.nio.charset.StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, java.nio.charset.StandardCharsets.UTF_8);
    int code = run(args, out, err, System.console() != null, stdout);
    // System.out (which okr does not write to, but a library might) keeps its own error flag
    if (System.out.checkError() && code == OK) {
      err.println("okr: could not write the output (standard output closed, or the device is full)");
      err.flush();
      code = INTERNAL;
    }
    System.exit(code);
  }
}
