package dev.coffer.aws;

import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/** Who this session is in AWS: the account id and the principal's ARN (from STS). */
public record CallerIdentity(String account, String arn) {

    public static CallerIdentity of(ClientFactory clients) {
        GetCallerIdentityResponse r = clients.sts().getCallerIdentity();
        return new CallerIdentity(r.account(), r.arn());
    }

    /** The role or user name at the end of the ARN ("AdministratorAccess/alice" becomes the role). */
    public String principalName() {
        int slash = arn.indexOf('/');
        if (slash < 0) {
            return arn;
        }
        String rest = arn.substring(slash + 1);
        int second = rest.indexOf('/');
        return second < 0 ? rest : rest.substring(0, second);
    }
}
