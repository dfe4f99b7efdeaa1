// Lists TimePunch's usable sync user profiles through the client wsimport generated (package mock.tpsync).
// JAX-WS sends the WS-Addressing 1.0 headers because the WSDL's binding holds wsaw:UsingAddressing; the
// caller enables nothing by hand. The password travels as TimePunch wants it: upper-case hex MD5.

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

import javax.xml.ws.Holder;

import mock.tpsync.ArrayOfSyncUserProfileDto;
import mock.tpsync.ISyncService;
import mock.tpsync.ObjectFactory;
import mock.tpsync.SyncService;
import mock.tpsync.SyncUserProfileDto;
import mock.tpsync.TpAuthentication;
import mock.tpsync.TpFault;

public final class TpSyncCaller {
    public static void main(String[] args) throws Exception {
        ObjectFactory factory = new ObjectFactory();
        ISyncService sync = new SyncService().getWSHttpBindingISyncService();
        TpAuthentication authentication = new TpAuthentication();
        authentication.setCustomerToken(factory.createTpAuthenticationCustomerToken(args[0]));
        authentication.setTpUser(factory.createTpAuthenticationTpUser(args[1]));
        authentication.setTpHashedPwd(factory.createTpAuthenticationTpHashedPwd(md5(args[2])));

        Holder<ArrayOfSyncUserProfileDto> found = new Holder<>();
        Holder<TpFault> fault = new Holder<>();
        sync.getUseableSyncUserProfiles(authentication, found, fault);
        List<Object> profiles = new ArrayList<>();
        if (found.value != null) {
            for (SyncUserProfileDto profile : found.value.getSyncUserProfileDto()) {
                profiles.add(Json.object("LogonName", profile.getLogonName().getValue()));
            }
        }
        String message = fault.value == null || fault.value.getMessage() == null ? null : fault.value.getMessage().getValue();
        System.out.println(Json.write(Json.object("fault", message, "profiles", profiles)));
    }

    private static String md5(String password) throws Exception {
        byte[] digest = MessageDigest.getInstance("MD5").digest(password.getBytes(StandardCharsets.UTF_8));
        return String.format("%032X", new BigInteger(1, digest));
    }
}
