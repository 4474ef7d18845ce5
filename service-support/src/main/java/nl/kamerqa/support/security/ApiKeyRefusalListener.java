package nl.kamerqa.support.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;

/** Told of every request the key check refuses (ingest counts refused uploads in its metrics). */
@FunctionalInterface
public interface ApiKeyRefusalListener {

    void refused(HttpServletRequest request, HttpStatus status, String detail);
}
