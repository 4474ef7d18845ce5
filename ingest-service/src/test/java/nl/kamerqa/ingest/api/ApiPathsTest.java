package nl.kamerqa.ingest.api;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

class ApiPathsTest {

    private static MockHttpServletRequest request(String method, String servletPath) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, servletPath);
        request.setServletPath(servletPath);
        return request;
    }

    @ParameterizedTest(name = "{0} {1} is an upload: {2}")
    @CsvSource({
            "POST, /api/documents, true",
            "POST, /api/documents/, true",
            "POST, //api/documents, true",
            "GET, /api/documents, false",
            "POST, /api/documents/x, false",
            "POST, /api/documents/batch, true",
            "POST, /api/documents/batch/, true",
            "GET, /api/documents/batch, false",
            "POST, /api/documents/batch/x, false"})
    void onlyPostsToTheDocumentsAndTheBatchPathAreUploads(String method, String path, boolean upload) {
        assertThat(ApiPaths.upload(request(method, path))).isEqualTo(upload);
    }
}
