package nl.kamerqa.parser.format;

import nl.kamerqa.parser.UnsupportedDocumentException;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Zip bomb guards shared by the Word and OpenDocument readers, applied before anything keeps a zip's contents in
 * memory: at most {@value #MAX_ENTRIES} entries, and at most {@value #MAX_INFLATED} bytes inflated in all and never
 * more than {@value #MAX_RATIO} times the archive's own size (with 1 MB allowed whatever the size). Every entry is
 * inflated through the counters, wanted or not, so the total is known before a library such as POI, which keeps
 * every entry in memory, opens the archive.
 */
final class ZipGuard {

    static final int MAX_ENTRIES = 1_000;
    static final long MAX_INFLATED = 100L * 1024 * 1024;
    static final long MAX_RATIO = 100;

    private ZipGuard() {
    }

    /** Checks the whole archive and returns the bytes of the {@code wanted} entries (the first of each name). */
    static Map<String, byte[]> inflate(byte[] zip, Set<String> wanted, String what) {
        long limit = Math.min(MAX_INFLATED, Math.max(1024L * 1024, zip.length * MAX_RATIO));
        Map<String, byte[]> out = new HashMap<>();
        long inflated = 0;
        int entries = 0;
        byte[] buffer = new byte[16 * 1024];
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (++entries > MAX_ENTRIES) {
                    throw new UnsupportedDocumentException(what + " has more than " + MAX_ENTRIES + " entries");
                }
                boolean keep = wanted.contains(entry.getName()) && !out.containsKey(entry.getName());
                ByteArrayOutputStream bytes = keep ? new ByteArrayOutputStream() : null;
                for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                    inflated += n;
                    if (inflated > limit) {
                        throw new UnsupportedDocumentException(what + " inflates to more than " + limit
                                + " bytes (zip bomb guard)");
                    }
                    if (keep) {
                        bytes.write(buffer, 0, n);
                    }
                }
                if (keep) {
                    out.put(entry.getName(), bytes.toByteArray());
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new UnsupportedDocumentException(what + " could not be read: " + e.getMessage(), e);
        }
        return out;
    }
}
