package org.marcring.engine.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code marcring} command line: {@code java -jar marcring.jar COMMAND …}.
 *
 * <p>Exit codes: 0 success; 1 finished, but records were rejected, repaired with data lost, or problems
 * found; 2 usage error, unreadable input, unwritable output, unknown format; 141 (as for a program ended by
 * {@code SIGPIPE}) when the reader of standard output went away, with nothing printed. Errors are one line
 * on standard error; {@code --debug} adds the stack trace.
 */
@Command(name = "marcring", mixinStandardHelpOptions = true, versionProvider = Marcring.Version.class,
        description = "Read, convert and check MARC records on every core.",
        subcommands = {ConvertCommand.class, CountCommand.class, StatsCommand.class, ValidateCommand.class,
                DumpCommand.class, GenerateCommand.class, BenchCommand.class, CommandLine.HelpCommand.class})
public final class Marcring implements Runnable {
    /** Success. */
    public static final int OK = 0;
    /** Finished, but some records were rejected or problems were found. */
    public static final int PROBLEMS = 1;
    /** Usage error, unreadable input, unwritable output, unknown format. */
    public static final int FAILED = 2;
    /** The reader of standard output went away (a closed pipe): the run ended early, quietly. */
    public static final int READER_GONE = 141;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
            description = "print the stack trace of an error")
    boolean debug;

    /** Runs the command line and exits with its code. */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code (for tests and embedding). */
    public static int run(String... args) {
        boolean debug = java.util.Arrays.asList(args).contains("--debug");
        CommandLine cl = new CommandLine(new Marcring());
        // picocli answers invalid input with exit code 2 (its ExitCode.USAGE), as documented above
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (StandardOutput.ReaderGoneException.isIn(e) && !debug) {
                return READER_GONE; // `marcring dump big.mrc | head -2`: nobody wants the rest, nobody to tell
            }
            cmd.getErr().println("marcring " + cmd.getCommandName() + ": " + Errors.describe(e));
            if (debug) {
                e.printStackTrace(cmd.getErr());
            }
            cmd.getErr().flush();
            return FAILED;
        });
        return cl.execute(args);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is needed");
    }

    /** The version from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Marcring.class.getPackage().getImplementationVersion();
            return new String[] {"marcring " + (v == null ? "(development build)" : v)};
        }
    }
}
