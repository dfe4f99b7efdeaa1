// Logs in to PWS and saves one time card through the client wsimport generated (package mock.pws).
// The service class carries the WSDL address it was generated from (the test's tenant), as a user's
// would carry the vendor's. Nillable members are JAXBElements, built with the generated ObjectFactory.

import java.util.ArrayList;
import java.util.List;

import javax.xml.bind.JAXBElement;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;

import mock.pws.ArrayOfPwsTimecardDetail;
import mock.pws.IPwsProjectorServices;
import mock.pws.ObjectFactory;
import mock.pws.PwsAuthenticateRq;
import mock.pws.PwsAuthenticateRs;
import mock.pws.PwsProjectRef;
import mock.pws.PwsProjectorServices;
import mock.pws.PwsResourceRef;
import mock.pws.PwsSaveTimeCardsRq;
import mock.pws.PwsSaveTimeCardsRs;
import mock.pws.PwsSaveTimecardResult;
import mock.pws.PwsTimecardDetail;

public final class PwsCaller {
    private static final ObjectFactory FACTORY = new ObjectFactory();

    public static void main(String[] args) throws Exception {
        IPwsProjectorServices pws = new PwsProjectorServices().getBasicHttpBindingIPwsProjectorServices();

        PwsAuthenticateRq login = new PwsAuthenticateRq();
        login.setAccountCode("DEMO");
        login.setUserName(args[0]);
        login.setPassword(args[1]);
        PwsAuthenticateRs session = pws.pwsAuthenticate(login);
        String ticket = value(session.getSessionTicket());

        PwsTimecardDetail card = new PwsTimecardDetail();
        card.setReferenceId(FACTORY.createPwsTimecardRefReferenceId("1"));
        card.setTimecardType(FACTORY.createPwsTimecardRefTimecardType("T"));
        PwsProjectRef project = new PwsProjectRef();
        project.setProjectCode(FACTORY.createPwsProjectRefProjectCode("P001396-001"));
        card.setProjectIdentity(FACTORY.createPwsTimecardDetailProjectIdentity(project));
        card.setWorkDate(FACTORY.createPwsTimecardBaseWorkDate(date("2018-03-09")));
        card.setWorkMinutes(FACTORY.createPwsTimecardBaseWorkMinutes(60));
        ArrayOfPwsTimecardDetail cards = new ArrayOfPwsTimecardDetail();
        cards.getPwsTimecardDetail().add(card);

        PwsResourceRef resource = new PwsResourceRef();
        resource.setResourceReferenceSystemId(FACTORY.createPwsResourceRefResourceReferenceSystemId("E123"));
        PwsSaveTimeCardsRq save = new PwsSaveTimeCardsRq();
        save.setSessionTicket(FACTORY.createRequestBaseSessionTicket(ticket));
        save.setStartDate(FACTORY.createPwsSaveTimeCardsRqStartDate(date("2018-03-01")));
        save.setEndDate(FACTORY.createPwsSaveTimeCardsRqEndDate(date("2018-03-31")));
        save.setResourceIdentity(FACTORY.createPwsSaveTimeCardsRqResourceIdentity(resource));
        save.setSaveTimeCards(FACTORY.createPwsSaveTimeCardsRqSaveTimeCards(cards));
        PwsSaveTimeCardsRs saved = pws.pwsSaveTimeCards(save);

        List<Object> results = new ArrayList<>();
        for (PwsSaveTimecardResult result : saved.getTimecardResults().getValue().getPwsSaveTimecardResult()) {
            PwsTimecardDetail savedCard = value(result.getTimeCard());
            results.add(Json.object("TimeCard", Json.object(
                "TimecardUid", value(savedCard.getTimecardUid()),
                "ProjectIdentity", Json.object("ProjectCode", value(value(savedCard.getProjectIdentity()).getProjectCode())),
                "WorkMinutes", value(savedCard.getWorkMinutes()))));
        }
        System.out.println(Json.write(Json.object(
            "login", Json.object("Status", session.getStatus().value(), "SessionTicket", ticket),
            "saved", Json.object("Status", saved.getStatus().value()),
            "results", results)));
    }

    private static XMLGregorianCalendar date(String day) throws Exception {
        return DatatypeFactory.newInstance().newXMLGregorianCalendar(day + "T00:00:00Z");
    }

    private static <T> T value(JAXBElement<T> element) {
        return element == null ? null : element.getValue();
    }
}
