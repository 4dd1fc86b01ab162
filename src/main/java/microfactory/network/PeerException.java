package microfactory.network;

/** Why a followed chapter could not be reached or believed, in words for the steward who followed it. */
class PeerException extends Exception {

    private static final long serialVersionUID = 1L;

    PeerException(String message) {
        super(message);
    }
}
