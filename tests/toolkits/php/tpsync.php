<?php
// TimePunch through SoapClient: list the sync user profiles. SoapClient takes the SOAP version from its
// options, not from the WSDL's binding, and sends no WS-Addressing headers: the caller sets SOAP 1.2 and adds
// Action, MessageID, ReplyTo and To by hand, as WCF's wsHttpBinding expects them. argv[1]: the endpoint address.
require __DIR__ . '/client.php';

const WSA = 'http://www.w3.org/2005/08/addressing';
const ANONYMOUS = WSA . '/anonymous';

$endpoint = $argv[1];
$sync = client($endpoint, ['soap_version' => SOAP_1_2]);
$message = vsprintf('urn:uuid:%s%s-%s-%s-%s-%s%s%s', str_split(bin2hex(random_bytes(16)), 4));
$sync->__setSoapHeaders([
    new SoapHeader(WSA, 'Action', 'http://tempuri.org/ISyncService/GetUseableSyncUserProfiles', true),
    new SoapHeader(WSA, 'MessageID', $message),
    new SoapHeader(WSA, 'ReplyTo', new SoapVar(
        ['Address' => new SoapVar(ANONYMOUS, XSD_STRING, null, null, 'Address', WSA)],
        SOAP_ENC_OBJECT,
    )),
    new SoapHeader(WSA, 'To', $endpoint, true),
]);
$answer = $sync->GetUseableSyncUserProfiles(['authentication' => [
    'CustomerToken' => 'default_timepunch',
    'TpUser' => 'ralf.herrmann',
    'TpHashedPwd' => strtoupper(md5('tpdemo')),
]]);
echo json_encode(['profiles' => $answer], JSON_THROW_ON_ERROR);
