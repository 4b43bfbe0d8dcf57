package org.okrengine.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code okr completion bash}: the shell completion script of the whole command. */
@Command(name = "completion", mixinStandardHelpOptions = true,
    footer = {"", "Examples:",
        "  source <(okr completion bash)",
        "  okr completion bash --out okr-completion.bash"},
    description = {"Print the completion script of okr for a shell (bash; zsh reads it too, after "
        + "'autoload -U +X bashcompinit && bashcompinit')."})
final class CompletionCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "SHELL", description = "bash (or zsh, with bashcompinit)")
  String shell;

  @Mixin
  OutOption output;

  @Override
  public Integer call() {
    if (!shell.equals("bash") && !shell.equals("zsh")) {
      throw new BadInputException(List.of("SHELL: must be bash or zsh: '" + ConsoleText.printable(shell) + "'"));
    }
    if (!output.problems(List.of()).isEmpty()) {
      throw new BadInputException(output.problems(List.of()));
    }
    PrintWriter out = output.writer(spec);
    out.print(AutoComplete.bash("okr", spec.commandLine().getParent()));
    out.flush();
    output.finish(spec);
    return Okr.OK;
  }
}
