package microfactory.network;

/** What the witness answers an add-checkpoint request: the C2SP status code, its content type, and its body. */
record WitnessAnswer(int status, String contentType, String body) {

    static WitnessAnswer text(int status, String body) {
        return new WitnessAnswer(status, "text/plain; charset=utf-8", body.endsWith("\n") ? body : body + "\n");
    }
}
