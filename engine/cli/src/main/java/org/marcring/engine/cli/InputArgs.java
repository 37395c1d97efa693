package org.marcring.engine.cli;

import java.util.List;

import picocli.CommandLine.Parameters;

/** The inputs of the commands that read files in any format: {@code IN…}, {@code -} for standard input. */
final class InputArgs {
    @Parameters(arity = "1..*", paramLabel = "IN", description = "input files in any format ('-' for standard input)")
    List<String> names;

    /** The inputs, checked to be readable; standard input at most once. */
    List<InputFile> files() {
        return Runs.inputs(names);
    }
}
