<?php
// PWS through SoapClient: log in, then save one time card. argv[1]: the endpoint address.
require __DIR__ . '/client.php';

$pws = client($argv[1]);
$login = $pws->PwsAuthenticate(['serviceRequest' => [
    'AccountCode' => 'DEMO',
    'UserName' => 'api.admin@example.com',
    'Password' => 'demo-password',
]])->PwsAuthenticateResult;

$saved = $pws->PwsSaveTimeCards(['serviceRequest' => [
    'SessionTicket' => $login->SessionTicket,
    'StartDate' => '2018-03-01T00:00:00Z',
    'EndDate' => '2018-03-31T00:00:00Z',
    'ResourceIdentity' => ['ResourceReferenceSystemId' => 'E123'],
    'SaveTimeCards' => ['PwsTimecardDetail' => [[
        'ReferenceId' => '1',
        'TimecardType' => 'T',
        'ProjectIdentity' => ['ProjectCode' => 'P001396-001'],
        'WorkDate' => '2018-03-09T00:00:00Z',
        'WorkMinutes' => 60,
    ]]],
]])->PwsSaveTimeCardsResult;
echo json_encode(['login' => $login, 'saved' => $saved], JSON_THROW_ON_ERROR);
