package nl.kamerqa.localstack;

public final class LocalStack {
    public static void main(String[] args) {
    }
}
