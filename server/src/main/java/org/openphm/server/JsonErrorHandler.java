package org.openphm.server;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's error handler for errors raised before a request reaches Javalin (a request line over the header
 * size: 414; a path Jetty refuses, such as {@code /..}: 400; oversized headers: 431): the API's JSON error body
 * instead of Jetty's HTML page, whatever the client accepts. Jetty's own message is quoted only through
 * {@link ApiErrors#shown}.
 */
final class JsonErrorHandler extends ErrorHandler {
    static final String JSON_TYPE = "application/json; charset=utf-8";

    @Override
    protected void generateResponse(
            Request request, Response response, int code, String message, Throwable cause, Callback callback)
            throws IOException {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, JSON_TYPE);
        generateCacheControl(response);
        response.write(true, ByteBuffer.wrap(json(code, message)), callback);
    }

    /** Used by Jetty for a request it could not parse at all. */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, JSON_TYPE);
        return ByteBuffer.wrap(json(status, reason));
    }

    static byte[] json(int code, String message) {
        return ApiErrors.body(code, describe(code, message), null, List.of()).getBytes(StandardCharsets.UTF_8);
    }

    private static String describe(int code, String message) {
        String reason = HttpStatus.getMessage(code);
        String detail = message == null || message.isBlank() || message.equals(reason)
                ? ""
                : " (" + ApiErrors.shown(message, 80) + ")";
        return switch (code) {
            case HttpStatus.URI_TOO_LONG_414 ->
                "URI too long: the request line is over the server's limit of "
                        + DashboardServer.MAX_REQUEST_LINE + " bytes; parameter values are at most "
                        + Params.MAX_VALUE + " characters";
            case HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE_431 -> "request headers too large";
            case HttpStatus.BAD_REQUEST_400 ->
                "bad request" + detail
                        + ": paths may not contain '.' or '..' segments, encoded slashes or other ambiguous parts";
            default -> reason + detail;
        };
    }
}
