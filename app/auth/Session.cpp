#include "Session.h"

#include "AuthCodeSignIn.h"
#include "DeviceCodeSignIn.h"
#include "api/ApiClient.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

using namespace Qt::Literals::StringLiterals;

namespace fc {

Session::Session(QObject *parent)
    : QObject(parent)
    , m_network(new QNetworkAccessManager(this))
    , m_client(new ApiClient(this))
    , m_auth(new AuthSession(m_network, this))
    , m_store(new TokenStore(this))
{
    m_client->transport()->setTokenProvider(m_auth);
    connect(m_auth, &AuthSession::refreshTokenChanged, this, &Session::persist);
    connect(m_auth, &AuthSession::signedOut, this, &Session::signedOut);
    connect(m_auth, &AuthSession::sessionExpired, this, [this](const ApiError &error) {
        emit interactiveSignInNeeded(
            tr("The stored sign-in is no longer valid (%1). Please sign in again.").arg(error.message));
    });
}

Session::~Session()
{
    // Calls in flight must not answer into a half-destroyed session.
    m_client->transport()->cancelAll();
}

QNetworkAccessManager *Session::network() const
{
    return m_network;
}

std::optional<QString> Session::setProfile(const Profile &profile)
{
    if (auto error = profile.validate())
        return error;
    cancelSignIn();
    m_staged.reset();
    m_auth->setProfile(profile);
    m_client->setProfile(profile);
    return std::nullopt;
}

std::optional<QString> Session::stageProfile(const Profile &profile, bool persistTokens)
{
    if (auto error = profile.validate())
        return error;
    cancelSignIn();
    m_staged = profile;
    m_stagedPersist = persistTokens;
    return std::nullopt;
}

const Profile &Session::profile() const
{
    return m_client->profile();
}

void Session::signInWithBrowser(const QString &loginHint)
{
    cancelSignIn();
    auto *signIn = new AuthCodeSignIn(signInProfile(), m_network, this);
    m_codeSignIn = signIn;
    if (!loginHint.isEmpty())
        signIn->setLoginHint(loginHint);
    connect(signIn, &AuthCodeSignIn::openUrl, this, &Session::openUrl);
    connect(signIn, &AuthCodeSignIn::succeeded, this, [this, signIn](const TokenResponse &tokens) {
        signIn->deleteLater();
        onTokens(tokens);
    });
    connect(signIn, &AuthCodeSignIn::failed, this, [this, signIn](const ApiError &error) {
        signIn->deleteLater();
        emit signInFailed(error);
    });
    signIn->start();
}

void Session::signInWithDeviceCode()
{
    cancelSignIn();
    auto *signIn = new DeviceCodeSignIn(signInProfile(), m_network, this);
    m_deviceSignIn = signIn;
    connect(signIn, &DeviceCodeSignIn::codeReady, this, &Session::deviceCodeReady);
    connect(signIn, &DeviceCodeSignIn::succeeded, this, [this, signIn](const TokenResponse &tokens) {
        signIn->deleteLater();
        onTokens(tokens);
    });
    connect(signIn, &DeviceCodeSignIn::failed, this, [this, signIn](const ApiError &error) {
        signIn->deleteLater();
        emit signInFailed(error);
    });
    signIn->start();
}

void Session::cancelSignIn()
{
    if (m_codeSignIn)
        m_codeSignIn->cancel();
    if (m_deviceSignIn)
        m_deviceSignIn->cancel();
}

void Session::onTokens(const TokenResponse &tokens)
{
    if (m_staged) {
        // The new sign-in succeeded: only now does the staged profile replace the current one
        // (which ends the current sign-in).
        const Profile staged = *std::exchange(m_staged, std::nullopt);
        m_persist = m_stagedPersist;
        m_auth->setProfile(staged);
        m_client->setProfile(staged);
    }
    m_auth->begin(tokens);
    emit signedIn(m_auth->account());
}

void Session::persist(const QString &account, const QString &refreshToken)
{
    if (!m_persist || account.isEmpty())
        return;
    m_store->write(
        TokenStore::keyFor(profile().name, account), refreshToken, this, [this](Result<Done> result) {
            if (!result)
                emit keychainProblem(
                    result.error().message + u' ' +
                    tr("You stay signed in until FlowConsole closes, but will have to sign in again "
                       "next time."));
        });
}

void Session::resumeFromKeychain()
{
    const QString account = profile().account;
    if (account.isEmpty()) {
        emit interactiveSignInNeeded(tr("No account has signed in with this profile yet."));
        return;
    }
    m_store->read(TokenStore::keyFor(profile().name, account), this, [this, account](Result<QString> token) {
        if (!token) {
            if (token.error().code != "EntryNotFound"_L1)
                emit keychainProblem(token.error().message);
            emit interactiveSignInNeeded(tr("No stored sign-in for %1.").arg(account));
            return;
        }
        m_auth->resume(account, token.value());
        // Prove the token works now, so a dead one asks for sign-in at once, not at the first click.
        m_auth->refreshNow(Host::Flow, this, [this, account](Result<QString> access) {
            if (access)
                emit signedIn(account);
            else if (access.error().code != "invalid_grant"_L1)
                emit signInFailed(access.error());
        });
    });
}

void Session::signOut()
{
    const QString account = m_auth->account();
    m_client->transport()->cancelAll();
    m_auth->signOut();
    if (!account.isEmpty())
        m_store->remove(TokenStore::keyFor(profile().name, account), this, [](Result<Done>) {});
}

void visitWithoutBrowser(QNetworkAccessManager *network, const QUrl &url, QObject *context)
{
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    request.setTransferTimeout(30000);
    QNetworkReply *reply = network->get(request);
    QObject::connect(reply, &QNetworkReply::finished, context, [reply] { reply->deleteLater(); });
}

} // namespace fc
