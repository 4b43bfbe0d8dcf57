package org.okrengine.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code okr} command: analyse cycles, backtest forecasts, write retrospectives, fit the forecast model, generate
 * the example data.
 */
@Command(name = "okr", mixinStandardHelpOptions = true, version = "okr 0.1.0-SNAPSHOT",
    description = "Forecasts, risks and reports for OKR cycles (okr-cycle/1 JSON or JSON Lines).",
    subcommands = {AnalyzeCommand.class, BacktestCommand.class, RetroCommand.class, FitCommand.class,
        GraphCommand.class, ExamplesCommand.class})
public final class Okr implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  /** Exit code: success. */
  public static final int OK = 0;
  /** Exit code: an internal error. */
  public static final int INTERNAL = 1;
  /** Exit code: bad input (file, document or option). */
  public static final int BAD_INPUT = 2;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Runs the command line with the given streams and returns the exit code. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cl = new CommandLine(new Okr());
    cl.setOut(out);
    cl.setErr(err);
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
    int code = cl.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  /** Entry point. */
  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true, java.nio.charset.StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, java.nio.charset.StandardCharsets.UTF_8);
    System.exit(run(args, out, err));
  }
}
