package nl.kamerqa.query.api;

/** A parameter with a value the API does not accept: answered 400 with the parameter named. */
public class BadParameterException extends RuntimeException {

    private final String parameter;

    public BadParameterException(String parameter, String message) {
        super(parameter + " " + message);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
