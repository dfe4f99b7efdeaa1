// A node-soap client of one service, built at run time from the WSDL the mock serves, as a Node.js
// user builds one. Usage: node call.js pws|ops|tpsync WSDL_URL. Prints the answers as JSON; a SOAP
// fault or an HTTP error exits non-zero with the fault on stderr.
//
// node-soap <= 1.11 writes a request's members in the order the object lists them, so the objects
// below list them in the contract's order (base types' members first, as WCF's DataContract wants).
'use strict';

const crypto = require('node:crypto');
const soap = require('soap');

const WSA = 'http://www.w3.org/2005/08/addressing';

const calls = {
  // Projector PWS (WCF basicHttpBinding, SOAP 1.1): a login, then a save with its SessionTicket.
  async pws(wsdl) {
    const client = await soap.createClientAsync(wsdl);
    const [login] = await client.PwsAuthenticateAsync({
      serviceRequest: { AccountCode: 'DEMO', Password: 'e123-password', UserName: 'e123@example.com' },
    });
    const [saved] = await client.PwsSaveTimeCardsAsync({
      serviceRequest: {
        SessionTicket: login.PwsAuthenticateResult.SessionTicket,
        EndDate: '2018-03-31T00:00:00Z',
        ResourceIdentity: { ResourceReferenceSystemId: 'E123' },
        SaveTimeCards: {
          PwsTimecardDetail: [
            {
              TimecardType: 'T',
              WorkDate: '2018-03-09T00:00:00Z',
              WorkMinutes: 60,
              ProjectIdentity: { ProjectCode: 'P001396-001' },
            },
          ],
        },
        StartDate: '2018-03-01T00:00:00Z',
      },
    });
    return { login: login.PwsAuthenticateResult, saved: saved.PwsSaveTimeCardsResult };
  },

  // Projector Ops (ASMX, SOAP 1.1): node-soap sends no soap:header the WSDL declares, so the
  // credentials header is added by hand, in the WSDL's target namespace.
  async ops(wsdl) {
    const client = await soap.createClientAsync(wsdl);
    const namespace = client.wsdl.definitions.$targetNamespace;
    client.addSoapHeader(
      { OpsAuthenticationHeader: { EmailAddress: 'api.admin@example.com', Password: 'demo-password' } },
      '', 'ops', namespace,
    );
    const [batch] = await client.OpsOpenTimeCardBatchAsync({ request: {} });
    return { batch: batch.OpsOpenTimeCardBatchResult };
  },

  // TimePunch (WCF wsHttpBinding: SOAP 1.2 + WS-Addressing 1.0): node-soap knows neither from the
  // WSDL, so SOAP 1.2 is forced and the addressing headers are written by hand for each call.
  async tpsync(wsdl) {
    const client = await soap.createClientAsync(wsdl, { forceSoap12Headers: true });
    client.addSoapHeader((method, location, soapAction) =>
      `<wsa:Action xmlns:wsa="${WSA}" soap:mustUnderstand="1">${soapAction}</wsa:Action>` +
      `<wsa:MessageID xmlns:wsa="${WSA}">urn:uuid:${crypto.randomUUID()}</wsa:MessageID>` +
      `<wsa:ReplyTo xmlns:wsa="${WSA}"><wsa:Address>${WSA}/anonymous</wsa:Address></wsa:ReplyTo>` +
      `<wsa:To xmlns:wsa="${WSA}" soap:mustUnderstand="1">${location}</wsa:To>`);
    const password = crypto.createHash('md5').update('tpdemo').digest('hex').toUpperCase();
    const [profiles] = await client.GetUseableSyncUserProfilesAsync({
      authentication: { CustomerToken: 'default_timepunch', TpHashedPwd: password, TpUser: 'ralf.herrmann' },
    });
    return { profiles };
  },
};

const [service, wsdl] = process.argv.slice(2);
calls[service](wsdl).then(
  (answers) => console.log(JSON.stringify(answers)),
  (error) => {
    console.error(error.root ? JSON.stringify(error.root) : String(error));
    process.exitCode = 1;
  },
);
