package org.openphm.ingest;

/**
 * An input file (or the input folder) cannot be used at all: nothing is loaded and the previous workspace
 * stays as it was. The message names the file, the line and field where known, and what to do about it.
 */
public final class UnusableInputException extends Exception {
    private final String file;
    private final long line;
    private final String field;
    private final String problem;
    private final String whatToDo;

    /**
     * @param file    file name (or folder) at fault, or the option (--report) whose path is
     * @param line    physical line (1 = header), or 0 when the problem is not on one line
     * @param field   column at fault, or null
     */
    public UnusableInputException(String file, long line, String field, String problem, String whatToDo) {
        super(format(file, line, field, problem, whatToDo));
        this.file = file;
        this.line = line;
        this.field = field;
        this.problem = problem;
        this.whatToDo = whatToDo;
    }

    private static String format(String file, long line, String field, String problem, String whatToDo) {
        StringBuilder b = new StringBuilder(file);
        if (line > 0) {
            b.append(" line ").append(line);
        }
        if (field != null) {
            b.append(" field '").append(field).append('\'');
        }
        b.append(": ").append(problem);
        if (whatToDo != null && !whatToDo.isEmpty()) {
            b.append(" — ").append(whatToDo);
        }
        return b.toString();
    }

    public String file() {
        return file;
    }

    public long line() {
        return line;
    }

    public String field() {
        return field;
    }

    public String problem() {
        return problem;
    }

    public String whatToDo() {
        return whatToDo;
    }
}
