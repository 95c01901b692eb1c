#include "AuthSession.h"

#include <QDateTime>

#include <QScopeGuard>
#include <QTimer>
#include <tuple>

using namespace Qt::Literals::StringLiterals;

namespace fc {

AuthSession::AuthSession(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_network(network)
{}

void AuthSession::setProfile(const Profile &profile)
{
    // Tokens stay valid as long as they would be asked for in the same way: recording the signed-in
    // account in the profile, or changing its dialect, keeps the session.
    const auto identity = [](const Profile &p) {
        return std::tie(p.name, p.authorityBase, p.tenant, p.clientId, p.flowApiBase, p.powerAppsApiBase,
                        p.graphBase, p.flowResource, p.powerAppsResource, p.graphResource);
    };
    if (identity(profile) != identity(m_profile))
        signOut();
    m_profile = profile;
}

void AuthSession::begin(const TokenResponse &tokens)
{
    m_account = tokens.account;
    m_displayName = tokens.displayName;
    m_access.clear();
    m_access.insert(m_profile.flowResource, Access{tokens.accessToken, tokens.expiresAtMs});
    if (!tokens.refreshToken.isEmpty()) {
        m_refreshToken = tokens.refreshToken;
        emit refreshTokenChanged(m_account, m_refreshToken);
    }
    emit signedIn(m_account);
}

void AuthSession::resume(const QString &account, const QString &refreshToken)
{
    m_account = account;
    m_refreshToken = refreshToken;
    m_access.clear();
}

void AuthSession::signOut()
{
    const bool was = isSignedIn();
    ++m_generation;
    m_refreshToken.clear();
    m_access.clear();
    m_refreshing = false;
    m_refreshQueue.clear();
    const auto pending = std::exchange(m_pending, {});
    for (auto it = pending.begin(); it != pending.end(); ++it) {
        for (const Pending &p : it.value()) {
            if (p.callback && (!p.hasContext || p.context))
                p.callback(ApiError::make(ApiError::Kind::Auth, tr("Signed out."), u"token"_s));
        }
    }
    if (was)
        emit signedOut();
}

void AuthSession::refreshNow(Host host, QObject *context, Callback callback)
{
    enqueueRefresh(m_profile.resourceFor(host), host, context, std::move(callback));
}

void AuthSession::requestToken(Host host, const QString &rejectedToken, QObject *context, Callback callback)
{
    const QString resource = m_profile.resourceFor(host);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const auto it = m_access.constFind(resource);
    // A rejected token that is no longer the current one was already replaced by an earlier
    // refresh: the caller gets the new one without another refresh.
    const bool rejected = !rejectedToken.isEmpty() && it != m_access.cend() && it->token == rejectedToken;
    if (!rejected && it != m_access.cend() && it->expiresAtMs - m_expirySkewMs > now) {
        // Answered at once: the token is in memory.
        callback(it->token);
        return;
    }
    enqueueRefresh(resource, host, context, std::move(callback));
}

void AuthSession::enqueueRefresh(const QString &resource, Host host, QObject *context, Callback callback)
{
    if (m_refreshToken.isEmpty()) {
        QTimer::singleShot(0, context ? context : this, [callback, this] {
            callback(ApiError::make(ApiError::Kind::Auth, tr("Not signed in: sign in to the profile first."),
                                    u"token"_s));
        });
        return;
    }
    // One refresh per resource at a time; everyone who asks meanwhile waits for it.
    auto &queue = m_pending[resource];
    queue.append(Pending{context, context != nullptr, std::move(callback)});
    if (queue.size() > 1)
        return;
    if (m_refreshing)
        m_refreshQueue.append({resource, host});
    else
        refresh(resource, host);
}

void AuthSession::refreshNext()
{
    m_refreshing = false;
    while (!m_refreshQueue.isEmpty()) {
        const auto [resource, host] = m_refreshQueue.takeFirst();
        if (!m_pending.contains(resource))
            continue;
        if (m_refreshToken.isEmpty()) {
            // The token was refused meanwhile: the waiting resources have their answer too.
            answer(resource, ApiError::make(ApiError::Kind::Auth,
                                            tr("Not signed in: sign in to the profile first."), u"token"_s));
            continue;
        }
        // A resource may have had its token from elsewhere meanwhile (none is shared now).
        refresh(resource, host);
        return;
    }
}

void AuthSession::refresh(const QString &resource, Host host)
{
    m_refreshing = true;
    QUrlQuery form;
    form.addQueryItem(u"client_id"_s, QString::fromLatin1(QUrl::toPercentEncoding(m_profile.clientId)));
    form.addQueryItem(u"grant_type"_s, u"refresh_token"_s);
    form.addQueryItem(u"refresh_token"_s, QString::fromLatin1(QUrl::toPercentEncoding(m_refreshToken)));
    form.addQueryItem(u"scope"_s, QString::fromLatin1(QUrl::toPercentEncoding(m_profile.scopeFor(host))));
    const quint64 generation = m_generation;
    oauth::postForm(
        m_network, m_profile.tokenUrl(), form, this, u"refresh token"_s,
        [this, resource, generation](int, Result<QByteArray> body) {
            if (generation != m_generation)
                return;
            // Whatever the answer, the next resource's refresh follows it (with the
            // refresh token this one may have rotated).
            const auto next = qScopeGuard([this] { refreshNext(); });
            if (!body) {
                const ApiError error = body.error();
                // invalid_grant: the refresh token is dead; anything else may pass.
                if (error.code == "invalid_grant"_L1 || error.code == "interaction_required"_L1) {
                    m_refreshToken.clear();
                    m_access.clear();
                    emit sessionExpired(error);
                }
                answer(resource, error);
                return;
            }
            auto tokens = oauth::parseTokenResponse(body.value(), QDateTime::currentMSecsSinceEpoch());
            if (!tokens) {
                answer(resource, tokens.error());
                return;
            }
            m_access.insert(resource, Access{tokens->accessToken, tokens->expiresAtMs});
            if (!tokens->refreshToken.isEmpty() && tokens->refreshToken != m_refreshToken) {
                m_refreshToken = tokens->refreshToken;
                emit refreshTokenChanged(m_account, m_refreshToken);
            }
            if (m_account.isEmpty() && !tokens->account.isEmpty()) {
                m_account = tokens->account;
                m_displayName = tokens->displayName;
                emit signedIn(m_account);
            }
            answer(resource, tokens->accessToken);
        },
        m_refreshTimeoutMs);
}

void AuthSession::answer(const QString &resource, const Result<QString> &result)
{
    const QList<Pending> waiting = m_pending.take(resource);
    for (const Pending &p : waiting) {
        if (p.callback && (!p.hasContext || p.context))
            p.callback(result);
    }
}

} // namespace fc
