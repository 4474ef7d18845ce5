package nl.kamerqa.parser.corpus;

import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Compares an expected JSON fragment with an actual record: every field the expectation names must be equal
 * (null also matches an absent field); arrays must have the same length and match element by element.
 */
public final class JsonSubset {

    private JsonSubset() {
    }

    /** The differences, each as "path: expected X but was Y"; empty when the actual value matches. */
    public static List<String> differences(JsonNode expected, JsonNode actual) {
        List<String> out = new ArrayList<>();
        compare("$", expected, actual, out);
        return out;
    }

    private static void compare(String path, JsonNode expected, JsonNode actual, List<String> out) {
        boolean actualMissing = actual == null || actual.isNull() || actual.isMissingNode();
        if (expected.isNull()) {
            if (!actualMissing) {
                out.add(path + ": expected null but was " + actual);
            }
            return;
        }
        if (actualMissing) {
            out.add(path + ": expected " + expected + " but was absent");
            return;
        }
        if (expected.isObject()) {
            for (Map.Entry<String, JsonNode> field : expected.properties()) {
                compare(path + "." + field.getKey(), field.getValue(), actual.get(field.getKey()), out);
            }
        } else if (expected.isArray()) {
            if (!actual.isArray() || actual.size() != expected.size()) {
                out.add(path + ": expected " + expected.size() + " elements " + expected + " but was " + actual);
                return;
            }
            for (int i = 0; i < expected.size(); i++) {
                compare(path + "[" + i + "]", expected.get(i), actual.get(i), out);
            }
        } else if (!expected.equals(actual) && !(expected.isNumber() && actual.isNumber()
                && expected.asString().equals(actual.asString()))) {
            out.add(path + ": expected " + expected + " but was " + actual);
        }
    }
}
