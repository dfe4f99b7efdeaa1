<?php
// Ops through SoapClient: open a time card batch. Every Ops call carries the OpsAuthenticationHeader, which
// the WSDL declares; SoapClient sends a header only when given one. argv[1]: the endpoint address.
require __DIR__ . '/client.php';

$ops = client($argv[1]);
$ops->__setSoapHeaders(new SoapHeader('http://www.opsplanning.com/webservices/public/data', 'OpsAuthenticationHeader', [
    'EmailAddress' => 'api.admin@example.com',
    'Password' => 'demo-password',
]));
$opened = $ops->OpsOpenTimeCardBatch(['request' => []])->OpsOpenTimeCardBatchResult;
echo json_encode(['batch' => $opened], JSON_THROW_ON_ERROR);
