package microfactory.common;

/**
 * How newcomers join, chosen by the chapter's admins: a trade between joining in one step and not telling anyone
 * which addresses have accounts.
 */
public enum SignUpMode {

    /**
     * One form, and the newcomer is logged in at once. A refusal cannot look like a success, so an address that has an
     * account is named: a client may do that a few times an hour, and the account's owner is told each time.
     */
    INSTANT,

    /**
     * The form asks only for an address and answers the same whatever it is; the link mailed to it finishes joining
     * (name, password), or tells an existing member they have an account. Nothing tells a stranger who is a member.
     */
    EMAIL_LINK
}
