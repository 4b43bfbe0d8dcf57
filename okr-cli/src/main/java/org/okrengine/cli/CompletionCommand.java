package org.okrengine.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code okr completion bash}: the shell completion script of the whole command. */
@Command(name = "completion", mixinStandardHelpOptions = true,
    description = {"Print the completion script of okr for a shell (bash; zsh reads it too, after "
        + "'autoload -U +X bashcompinit && bashcompinit').", "",
        "Example: source <(./okr completion bash)"})
final class CompletionCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "SHELL", description = "bash (or zsh, with bashcompinit)")
  String shell;

  @Override
  public Integer call() {
    if (!shell.equals("bash") && !shell.equals("zsh")) {
      throw new BadInputException(List.of("SHELL: must be bash or zsh: '" + ConsoleText.printable(shell) + "'"));
    }
    spec.commandLine().getOut().print(AutoComplete.bash("okr", spec.commandLine().getParent()));
    spec.commandLine().getOut().flush();
    return Okr.OK;
  }
}
