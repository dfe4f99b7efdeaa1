// Logs in to PWS and saves one time card through the client wsimport generated (package mock.pws).
// The service class carries the WSDL address it was generated from (the test's tenant), as a user's
// would carry the vendor's. Prints what the test asserts as name=value lines.

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
        System.out.println("login.status=" + session.getStatus().value());
        System.out.println("login.ticket=" + (ticket == null ? "" : ticket));

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
        System.out.println("save.status=" + saved.getStatus().value());
        for (PwsSaveTimecardResult result : saved.getTimecardResults().getValue().getPwsSaveTimecardResult()) {
            System.out.println("save.result.referenceId=" + value(result.getReferenceId()));
            System.out.println("save.result.timecardUid=" + value(value(result.getTimeCard()).getTimecardUid()));
        }
    }

    private static XMLGregorianCalendar date(String day) throws Exception {
        return DatatypeFactory.newInstance().newXMLGregorianCalendar(day + "T00:00:00Z");
    }

    private static <T> T value(JAXBElement<T> element) {
        return element == null ? null : element.getValue();
    }
}
