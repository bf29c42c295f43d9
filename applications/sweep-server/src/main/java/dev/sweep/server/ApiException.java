package dev.sweep.server;

/**
 * A request the API answers with an error: a status and one line saying what is wrong, naming the parameter at
 * fault when there is one. Never a stack trace.
 */
final class ApiException extends RuntimeException {

    private final int status;
    private final String parameter;

    private ApiException(int status, String parameter, String message) {
        super(message, null, false, false);
        this.status = status;
        this.parameter = parameter;
    }

    /** 400: a parameter is missing, malformed, out of range or unknown. */
    static ApiException badRequest(String parameter, String message) {
        return new ApiException(400, parameter, message);
    }

    /** 404: the venue or symbol a parameter names is not served. */
    static ApiException notFound(String parameter, String message) {
        return new ApiException(404, parameter, message);
    }

    /** 503: the books cannot answer now (none is live, or a feed does not answer). */
    static ApiException unavailable(String message) {
        return new ApiException(503, null, message);
    }

    int status() {
        return status;
    }

    /** The parameter at fault, or null. */
    String parameter() {
        return parameter;
    }
}
