package org.okrengine.cli;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.okrengine.forecast.ForecastModel;
import org.okrengine.forecast.Forecaster;
import org.okrengine.forecast.InvalidModelException;
import org.okrengine.model.ForecastModelInfo;
import org.okrengine.model.Problem;
import picocli.CommandLine.Option;

/** {@code --model FILE}: the forecast model of {@code analyze}, {@code backtest} and {@code retro}. */
final class ModelOption {
  @Option(names = "--model", paramLabel = "FILE",
      description = "forecast with this model (okr-forecast-model/1, as okr fit writes it); default: the library's "
          + "model, okr-default-2")
  Path file;

  /** The model of {@code --model}, or null without one. */
  ForecastModel model() {
    return file == null ? null : read(file);
  }

  /**
   * The model of {@code --model} (null without one); where it is bad, its problems listed with those of
   * {@code files}, as the command would report them ({@link Inputs#errors}: with {@code --rejects} only a file missing
   * or unreadable), so that a bad model does not hide them (one command run, every problem).
   */
  ForecastModel model(List<Path> files, RejectsOption rejects) {
    try {
      return model();
    } catch (BadInputException e) {
      Inputs inputs = new Inputs();
      inputs.read(files, c -> { });
      List<String> all = new ArrayList<>(e.messages());
      all.addAll(inputs.errors(rejects));
      throw new BadInputException(all);
    }
  }

  /** The forecaster to use everywhere: the default one, with the model of {@code --model} when given. */
  Forecaster forecaster() {
    ForecastModel model = model();
    return model == null ? Forecaster.withDefaults() : Forecaster.withDefaults().withModel(model);
  }

  /**
   * Reads an {@code okr-forecast-model/1} file.
   *
   * @throws BadInputException listing every problem as {@code FILE: path: message}, or that the file is missing or
   *     unreadable
   */
  static ForecastModel read(Path file) {
    String json;
    try {
      json = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new BadInputException(List.of(file + ": no such file"));
    } catch (MalformedInputException e) {
      throw new BadInputException(List.of(file + ": not UTF-8 text"));
    } catch (IOException e) {
      throw new BadInputException(List.of(file + ": cannot read: " + e.getMessage()));
    }
    try {
      return ForecastModel.fromJson(json);
    } catch (InvalidModelException e) {
      List<String> lines = new ArrayList<>();
      for (Problem p : e.problems()) {
        lines.add(ConsoleText.problem(file, 0, p));
      }
      throw new BadInputException(lines);
    }
  }

  /** {@code NAME (FITTED ON)} of {@code model}, control characters escaped. */
  static String describe(ForecastModel model) {
    return ConsoleText.printable(model.name() + " (" + model.describe() + ")");
  }

  /** One line naming the forecaster's model and method and what the model was fitted on, for text output. */
  static String describe(Forecaster forecaster) {
    return describe(new ForecastModelInfo(forecaster.model().name(), forecaster.method().id(),
        forecaster.describeModel()));
  }

  /** {@code NAME (METHOD; FITTED ON)}, control characters escaped. */
  static String describe(ForecastModelInfo model) {
    return ConsoleText.printable(model.name() + " (" + model.method()
        + (model.fittedOn() == null ? "" : "; " + model.fittedOn()) + ")");
  }
}
