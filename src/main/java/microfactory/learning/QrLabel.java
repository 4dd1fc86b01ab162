package microfactory.learning;

/** One label of the printable sheet: what it is about and its QR code as SVG. */
public record QrLabel(String title, String detail, String qrSvg) {
}
