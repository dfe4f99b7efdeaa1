from __future__ import annotations


def test_authenticate(pws_service) -> None:
    result = pws_service.PwsAuthenticate(serviceRequest={"AccountCode": "DEMO", "UserName": "api.admin@example.com", "Password": "demo-password", "RequestId": 3})
    print(result)
    assert result.Status == "Ok"
