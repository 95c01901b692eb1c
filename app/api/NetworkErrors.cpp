#include "NetworkErrors.h"

#include <QCoreApplication>

namespace fc {

QString networkErrorMessage(QNetworkReply::NetworkError error)
{
    // The context lupdate files these strings under (this function's namespace).
    const auto tr = [](const char *text) { return QCoreApplication::translate("fc", text); };
    switch (error) {
    case QNetworkReply::NoError:
        return {};
    case QNetworkReply::ConnectionRefusedError:
        return tr("The server refused the connection.");
    case QNetworkReply::RemoteHostClosedError:
        return tr("The server closed the connection before answering.");
    case QNetworkReply::HostNotFoundError:
        return tr("The server's name could not be resolved.");
    case QNetworkReply::TimeoutError:
        return tr("The connection timed out.");
    case QNetworkReply::OperationCanceledError:
        return tr("The request was cancelled.");
    case QNetworkReply::SslHandshakeFailedError:
        return tr("The secure connection could not be established (TLS).");
    case QNetworkReply::TemporaryNetworkFailureError:
        return tr("The network is temporarily unavailable.");
    case QNetworkReply::NetworkSessionFailedError:
        return tr("The network session failed.");
    case QNetworkReply::BackgroundRequestNotAllowedError:
        return tr("Background requests are not allowed.");
    case QNetworkReply::TooManyRedirectsError:
        return tr("The server redirected too many times.");
    case QNetworkReply::InsecureRedirectError:
        return tr("The server redirected from https to plain http.");
    case QNetworkReply::ProxyConnectionRefusedError:
        return tr("The proxy refused the connection.");
    case QNetworkReply::ProxyConnectionClosedError:
        return tr("The proxy closed the connection.");
    case QNetworkReply::ProxyNotFoundError:
        return tr("The proxy could not be found.");
    case QNetworkReply::ProxyTimeoutError:
        return tr("The proxy timed out.");
    case QNetworkReply::ProxyAuthenticationRequiredError:
        return tr("The proxy requires authentication.");
    case QNetworkReply::ContentAccessDenied:
        return tr("Access denied (403).");
    case QNetworkReply::ContentOperationNotPermittedError:
        return tr("The operation is not permitted (405).");
    case QNetworkReply::ContentNotFoundError:
        return tr("Not found (404).");
    case QNetworkReply::AuthenticationRequiredError:
        return tr("The server requires authentication (401).");
    case QNetworkReply::ContentReSendError:
        return tr("The request had to be sent again and could not be.");
    case QNetworkReply::ContentConflictError:
        return tr("The request conflicts with the current state (409).");
    case QNetworkReply::ContentGoneError:
        return tr("The resource is gone (410).");
    case QNetworkReply::InternalServerError:
        return tr("The server failed (500).");
    case QNetworkReply::OperationNotImplementedError:
        return tr("The server does not implement this (501).");
    case QNetworkReply::ServiceUnavailableError:
        return tr("The service is unavailable (503).");
    case QNetworkReply::ProtocolUnknownError:
        return tr("Unknown protocol.");
    case QNetworkReply::ProtocolInvalidOperationError:
        return tr("Invalid operation for the protocol.");
    case QNetworkReply::UnknownNetworkError:
        return tr("Unknown network error.");
    case QNetworkReply::UnknownProxyError:
        return tr("Unknown proxy error.");
    case QNetworkReply::UnknownContentError:
        return tr("The server answered with an unexpected status.");
    case QNetworkReply::ProtocolFailure:
        return tr("The server's answer broke the HTTP protocol.");
    case QNetworkReply::UnknownServerError:
        return tr("Unknown server error.");
    }
    return tr("Network error %1.").arg(static_cast<int>(error));
}

} // namespace fc
