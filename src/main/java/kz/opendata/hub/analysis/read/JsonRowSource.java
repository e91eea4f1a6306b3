package kz.opendata.hub.analysis.read;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import kz.opendata.hub.analysis.UnreadableUnloadException;

/**
 * Records of a JSON unload, streamed with Jackson: an array of objects, an object that wraps such
 * an array in one of its fields ({@code {"data": [...]}}), or newline-delimited objects (NDJSON).
 * Nested objects become dotted field names ({@code address.city}); arrays stay JSON text.
 */
final class JsonRowSource extends RecordRows {

    private final String fileName;
    private final ReadLimits limits;
    private final InputStream in;
    private final JsonParser parser;
    private Mode mode;
    private boolean ended;

    JsonRowSource(InputStream in, String fileName, ReadLimits limits) throws IOException {
        this.fileName = fileName;
        this.limits = limits;
        this.in = in;
        this.parser = factory(limits).createParser(in);
    }

    /** Builds a parser factory that stops at the limits, so a hostile document cannot exhaust the stack or memory. */
    private static JsonFactory factory(ReadLimits limits) {
        return new ObjectMapper()
                .getFactory()
                .setStreamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(limits.maxJsonDepth())
                        .maxStringLength(limits.maxCellLength())
                        .build());
    }

    @Override
    protected Map<String, String> nextRecord() throws IOException {
        try {
            if (ended) {
                return null;
            }
            if (mode == null) {
                return start();
            }
            JsonToken token = parser.nextToken();
            // Whatever follows the records' array in a wrapping object describes the unload.
            ended = token == null || mode == Mode.ARRAY && token == JsonToken.END_ARRAY;
            return ended ? null : readRecord(token);
        } catch (JsonParseException e) {
            throw invalid(e);
        } catch (StreamConstraintsException e) {
            throw beyondLimit(e);
        }
    }

    /** Finds the records: the root array, an array in a field of the root object, or NDJSON objects. */
    private Map<String, String> start() throws IOException {
        JsonToken token = parser.nextToken();
        if (token == JsonToken.START_ARRAY) {
            mode = Mode.ARRAY;
            return nextRecord();
        }
        if (token != JsonToken.START_OBJECT) {
            throw new UnreadableUnloadException(fileName + ": the JSON contains no array of records; send an array of"
                    + " objects, an object with such an array, or one object per line");
        }
        Map<String, String> record = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (value != JsonToken.START_ARRAY) {
                readValue(record, name, value);
                continue;
            }
            JsonToken first = parser.nextToken();
            if (first == JsonToken.START_OBJECT || first == JsonToken.END_ARRAY) {
                // The first array of objects is the data; the fields before it describe the unload.
                mode = Mode.ARRAY;
                ended = first == JsonToken.END_ARRAY;
                return ended ? null : readRecord(first);
            }
            parser.skipChildren();
            skipRestOfArray();
            record.put(name, "[...]");
        }
        mode = Mode.LINES;
        return record;
    }

    private void skipRestOfArray() throws IOException {
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY && token != null) {
            parser.skipChildren();
        }
    }

    private Map<String, String> readRecord(JsonToken token) throws IOException {
        if (token != JsonToken.START_OBJECT) {
            throw new UnreadableUnloadException("%s: record at line %d is not a JSON object; send one object per record"
                    .formatted(fileName, parser.currentLocation().getLineNr()));
        }
        Map<String, String> record = new LinkedHashMap<>();
        readObject(record, "");
        return record;
    }

    private void readObject(Map<String, String> record, String prefix) throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = prefix + parser.currentName();
            readValue(record, name, parser.nextToken());
        }
    }

    private void readValue(Map<String, String> record, String name, JsonToken value) throws IOException {
        switch (value) {
            case START_OBJECT -> readObject(record, name + ".");
            case START_ARRAY -> record.put(name, parser.readValueAsTree().toString());
            case VALUE_NULL -> record.put(name, "");
            default -> record.put(name, parser.getText());
        }
    }

    private UnreadableUnloadException invalid(JsonParseException e) {
        return new UnreadableUnloadException(
                "%s: invalid JSON at line %d, column %d (%s); check the file and send it again"
                        .formatted(
                                fileName,
                                e.getLocation().getLineNr(),
                                e.getLocation().getColumnNr(),
                                e.getOriginalMessage()),
                e);
    }

    /** Explains which limit the document broke: its nesting depth or, failing that, a value's length. */
    private UnreadableUnloadException beyondLimit(StreamConstraintsException e) {
        JsonLocation at = parser.currentLocation();
        if (parser.getParsingContext().getNestingDepth() >= limits.maxJsonDepth()) {
            return new UnreadableUnloadException(
                    "%s: the JSON nests arrays and objects more than %d levels deep at line %d, column %d; send flat"
                                    .formatted(fileName, limits.maxJsonDepth(), at.getLineNr(), at.getColumnNr())
                            + " records, one object per record with a value in each field",
                    e);
        }
        return new UnreadableUnloadException(
                "%s: a JSON value near line %d, column %d is longer than the limit of %d characters; a value that"
                                .formatted(fileName, at.getLineNr(), at.getColumnNr(), limits.maxCellLength())
                        + " long is usually a whole document or a file in the record, so leave it out and send the"
                        + " records again",
                e);
    }

    @Override
    public void close() throws IOException {
        try {
            parser.close();
        } finally {
            in.close();
        }
    }

    private enum Mode {
        ARRAY,
        LINES
    }
}
