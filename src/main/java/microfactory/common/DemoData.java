package microfactory.common;

/**
 * A feature's share of the demo chapter. On the first start with an empty embedded database every
 * bean of this type loads its data, in {@link #order()}, in one transaction.
 */
public interface DemoData {

    /** Lower runs first: members before the things they own. */
    int order();

    void load();
}
