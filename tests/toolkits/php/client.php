<?php
// What the callers share. PHP generates no code: SoapClient reads the service's WSDL at run time and builds
// the client from it. Each caller prints what the calls answered as JSON, for the test to judge.

function client(string $endpoint, array $options = []): SoapClient
{
    // Not cached: the test serves each WSDL once, and a cached copy would hide a change to it.
    // SOAP_SINGLE_ELEMENT_ARRAYS: a list of one item stays a list.
    return new SoapClient("$endpoint?wsdl", $options + [
        'cache_wsdl' => WSDL_CACHE_NONE,
        'features' => SOAP_SINGLE_ELEMENT_ARRAYS,
    ]);
}
