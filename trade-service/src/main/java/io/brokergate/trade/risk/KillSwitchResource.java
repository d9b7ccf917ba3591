package io.brokergate.trade.risk;

import com.fasterxml.jackson.databind.JsonNode;
import io.brokergate.api.security.Caller;
import io.brokergate.api.security.Callers;
import io.brokergate.api.security.Scopes;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /v1/risk/kill-switch}: halt trading for one account or the whole tenant (new orders are
 * refused and open ones cancelled), and resume it. Body of POST:
 * {@code {"account_id": "acc-1" | null, "engaged": true | false, "reason": "..."}}.
 */
@Path("/v1/risk/kill-switch")
@RolesAllowed(Scopes.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "risk")
public class KillSwitchResource {

    private static final int MAX_REASON = 500;

    private final SecurityIdentity identity;
    private final RiskAdmin admin;

    public KillSwitchResource(SecurityIdentity identity, RiskAdmin admin) {
        this.identity = identity;
        this.admin = admin;
    }

    @GET
    @Operation(summary = "The tenant's engaged kill switches")
    public List<KillSwitchView> engaged() {
        return admin.killSwitches(caller()).stream().map(KillSwitchView::engaged).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Engage or release a kill switch",
            description = "account_id null (or absent) means every account of the tenant. Engaging cancels open orders.")
    public KillSwitchView set(String body) {
        Caller caller = caller();
        JsonNode request = JsonInput.object(body);
        JsonInput.onlyFields(request, null, Set.of("account_id", "engaged", "reason"), Set.of());
        JsonNode account = JsonInput.optional(request, "account_id");
        String accountId = account == null ? null : JsonInput.text(account, "account_id", 64);
        boolean engage = JsonInput.bool(JsonInput.required(request, "engaged", "engaged"), "engaged");
        JsonNode reasonNode = JsonInput.optional(request, "reason");
        String reason = reasonNode == null ? null : JsonInput.text(reasonNode, "reason", MAX_REASON).strip();
        if (engage) {
            return KillSwitchView.engaged(admin.engage(caller, accountId, reason == null || reason.isEmpty() ? null : reason));
        }
        admin.release(caller, accountId);
        return KillSwitchView.released(accountId);
    }

    private Caller caller() {
        return Callers.require(identity);
    }
}
