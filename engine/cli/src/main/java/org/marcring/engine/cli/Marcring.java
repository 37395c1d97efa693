package org.marcring.engine.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

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
        description = "Read, convert and check MARC records on every core.")
public final class Marcring implements Runnable {
    /** Success. */
    public static final int OK = 0;
    /** Finished, but some records were rejected or problems were found. */
    public static final int PROBLEMS = 1;
    /** Usage error, unreadable input, unwritable output, unknown format. */
    public static final int FAILED = 2;
    /** The reader of standard output went away (a closed pipe): the run ended early, quietly. */
    public static final int READER_GONE = 141;

    /**
     * The commands, in the order help lists them. picocli builds the model of a command by reflection, which
     * costs more CPU than a one-record conversion: a run builds only the command it was given.
     */
    private static final Map<String, Supplier<Object>> COMMANDS = new LinkedHashMap<>();

    static {
        COMMANDS.put("convert", ConvertCommand::new);
        COMMANDS.put("count", CountCommand::new);
        COMMANDS.put("stats", StatsCommand::new);
        COMMANDS.put("validate", ValidateCommand::new);
        COMMANDS.put("dump", DumpCommand::new);
        COMMANDS.put("generate", GenerateCommand::new);
        COMMANDS.put("bench", BenchCommand::new);
        COMMANDS.put("help", CommandLine.HelpCommand::new);
    }

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
        String named = commandNamed(args);
        for (Map.Entry<String, Supplier<Object>> c : COMMANDS.entrySet()) {
            // `marcring convert …` needs only convert; help, --version and unknown commands need them all
            if (named == null || named.equals("help") || named.equals(c.getKey())) {
                cl.addSubcommand(c.getKey(), c.getValue().get());
            }
        }
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

    /** The command {@code args} name (the first argument after the options of marcring itself), or null. */
    private static String commandNamed(String[] args) {
        for (String a : args) {
            if (!a.equals("--debug")) {
                return COMMANDS.containsKey(a) ? a : null;
            }
        }
        return null;
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
