package nl.kamerqa.support;

import com.mongodb.ConnectionString;
import org.junit.jupiter.api.Test;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.boot.mongodb.autoconfigure.MongoProperties;

import static org.assertj.core.api.Assertions.assertThat;

class MongoDatabaseNameTest {

    @Test
    void configuredDatabaseWinsOverTheOneInTheUri() {
        assertThat(MongoDatabaseName.of(properties("archive"), uri("mongodb://db:27017/kamerqa"))).isEqualTo("archive");
    }

    @Test
    void databaseInTheUriIsUsedWhenNoneIsConfigured() {
        assertThat(MongoDatabaseName.of(properties(null), uri("mongodb://db:27017/tk2026"))).isEqualTo("tk2026");
    }

    @Test
    void withoutEitherItIsKamerqaNotTheDriversTest() {
        assertThat(MongoDatabaseName.of(properties(null), uri("mongodb://db:27017"))).isEqualTo("kamerqa");
        assertThat(MongoDatabaseName.of(properties(" "), uri("mongodb://db:27017/"))).isEqualTo("kamerqa");
    }

    private static MongoProperties properties(String database) {
        MongoProperties properties = new MongoProperties();
        properties.setDatabase(database);
        return properties;
    }

    private static MongoConnectionDetails uri(String uri) {
        return () -> new ConnectionString(uri);
    }
}
