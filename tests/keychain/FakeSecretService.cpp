#include "FakeSecretService.h"

#include <QDBusMessage>
#include <QDBusMetaType>
#include <QDBusVariant>
#include <QTimer>

using namespace Qt::Literals::StringLiterals;

namespace {

const QString servicePath = u"/org/freedesktop/secrets"_s;
const QString collectionPath = u"/org/freedesktop/secrets/collection/login"_s;
const QString defaultAliasPath = u"/org/freedesktop/secrets/aliases/default"_s;
const QString serviceInterface = u"org.freedesktop.Secret.Service"_s;
const QString collectionInterface = u"org.freedesktop.Secret.Collection"_s;
const QString itemInterface = u"org.freedesktop.Secret.Item"_s;
const QString propertiesInterface = u"org.freedesktop.DBus.Properties"_s;
const QString attributesProperty = u"org.freedesktop.Secret.Item.Attributes"_s;
const QDBusObjectPath noPrompt(u"/"_s);

bool matches(const QMap<QString, QString> &item, const QMap<QString, QString> &wanted)
{
    for (auto it = wanted.cbegin(); it != wanted.cend(); ++it) {
        if (item.value(it.key()) != it.value())
            return false;
    }
    return true;
}

} // namespace

QDBusArgument &operator<<(QDBusArgument &argument, const FakeSecret &secret)
{
    argument.beginStructure();
    argument << secret.session << secret.parameters << secret.value << secret.contentType;
    argument.endStructure();
    return argument;
}

const QDBusArgument &operator>>(const QDBusArgument &argument, FakeSecret &secret)
{
    argument.beginStructure();
    argument >> secret.session >> secret.parameters >> secret.value >> secret.contentType;
    argument.endStructure();
    return argument;
}

FakeSecretService::FakeSecretService(QObject *parent)
    : QDBusVirtualObject(parent)
    , m_bus(QDBusConnection::sessionBus())
{
    qDBusRegisterMetaType<FakeSecret>();
    qDBusRegisterMetaType<FakeSecretsByItem>();
}

FakeSecretService::~FakeSecretService()
{
    if (m_registered) {
        m_bus.unregisterService(u"org.freedesktop.secrets"_s);
        m_bus.unregisterObject(servicePath, QDBusConnection::UnregisterTree);
    }
}

bool FakeSecretService::start(QString *error)
{
    if (!m_bus.isConnected()) {
        *error = u"no session bus: "_s + m_bus.lastError().message();
        return false;
    }
    if (!m_bus.registerVirtualObject(servicePath, this, QDBusConnection::SubPath)) {
        *error = u"could not register "_s + servicePath + u": "_s + m_bus.lastError().message();
        return false;
    }
    m_registered = true;
    // Not queued and not replacing: in a bus where a real Secret Service runs, this fails.
    if (!m_bus.registerService(u"org.freedesktop.secrets"_s)) {
        *error = u"could not own org.freedesktop.secrets (is a real keyring on this bus?): "_s +
                 m_bus.lastError().message();
        return false;
    }
    return true;
}

void FakeSecretService::answerLate(const QString &member, int delayMs, LateAnswer how)
{
    m_late.insert(member, Late{delayMs, how});
}

void FakeSecretService::putItem(const QMap<QString, QString> &attributes, const QByteArray &value)
{
    addItem(attributes, value, u"text/plain"_s, true);
}

QByteArray FakeSecretService::valueOf(const QMap<QString, QString> &attributes) const
{
    const QList<QDBusObjectPath> found = search(attributes);
    return found.isEmpty() ? QByteArray() : m_items.value(found.first().path()).value;
}

QString FakeSecretService::introspect(const QString &) const
{
    return {};
}

bool FakeSecretService::handleMessage(const QDBusMessage &message, const QDBusConnection &)
{
    // Every answer is sent by hand, some of them late.
    message.setDelayedReply(true);
    // Runs on this object's thread, whichever thread Qt D-Bus hands the call over in.
    QMetaObject::invokeMethod(this, [this, message] { dispatch(message); });
    return true;
}

void FakeSecretService::dispatch(const QDBusMessage &call)
{
    m_calls.append(call.interface() + u'.' + call.member() + u' ' + call.path());
    const auto late = m_late.constFind(call.member());
    if (late == m_late.cend()) {
        m_bus.send(answerTo(call));
        return;
    }
    const Late how = *late;
    m_late.erase(late);
    // A refusal changes nothing; a success does its work now and tells about it later.
    const QDBusMessage reply =
        how.how == LateAnswer::Error
            ? call.createErrorReply(u"org.freedesktop.DBus.Error.Failed"_s,
                                    u"The fake keychain was not ready (late answer)."_s)
            : answerTo(call);
    const QString member = call.member();
    ++m_lateAnswersScheduled;
    QTimer::singleShot(how.delayMs, this, [this, reply, member] {
        m_bus.send(reply);
        ++m_lateAnswersSent;
        emit lateAnswerSent(member);
    });
}

QDBusMessage FakeSecretService::answerTo(const QDBusMessage &call)
{
    const QString interface = call.interface();
    const QString member = call.member();
    const QString path = call.path();
    const QList<QVariant> args = call.arguments();
    const auto noSuchObject = [&] {
        return call.createErrorReply(u"org.freedesktop.Secret.Error.NoSuchObject"_s, u"No such object"_s);
    };

    if (interface == propertiesInterface && member == u"GetAll"_s)
        return call.createReply(QVariant::fromValue(QVariantMap()));

    if (interface == serviceInterface && path == servicePath) {
        if (member == u"OpenSession"_s && args.size() == 2) {
            if (args.at(0).toString() != u"plain"_s)
                return call.createErrorReply(u"org.freedesktop.DBus.Error.NotSupported"_s,
                                             u"Only plain sessions here"_s);
            const QString session = servicePath + u"/session/s"_s + QString::number(m_nextSession++);
            m_sessions.insert(session);
            return call.createReply(QList<QVariant>{QVariant::fromValue(QDBusVariant(QString())),
                                                    QVariant::fromValue(QDBusObjectPath(session))});
        }
        if (member == u"SearchItems"_s && args.size() == 1) {
            const auto attributes = qdbus_cast<QMap<QString, QString>>(args.at(0));
            return call.createReply(QList<QVariant>{QVariant::fromValue(search(attributes)),
                                                    QVariant::fromValue(QList<QDBusObjectPath>())});
        }
        if (member == u"GetSecrets"_s && args.size() == 2) {
            const auto items = qdbus_cast<QList<QDBusObjectPath>>(args.at(0));
            const QString session = args.at(1).value<QDBusObjectPath>().path();
            if (!m_sessions.contains(session))
                return call.createErrorReply(u"org.freedesktop.Secret.Error.NoSession"_s, u"No session"_s);
            FakeSecretsByItem secrets;
            for (const QDBusObjectPath &item : items) {
                const auto found = m_items.constFind(item.path());
                if (found != m_items.cend())
                    secrets.insert(
                        item, FakeSecret{QDBusObjectPath(session), {}, found->value, found->contentType});
            }
            return call.createReply(QVariant::fromValue(secrets));
        }
        if (member == u"Unlock"_s && args.size() == 1) {
            // All of them, without a prompt.
            const auto objects = qdbus_cast<QList<QDBusObjectPath>>(args.at(0));
            return call.createReply(
                QList<QVariant>{QVariant::fromValue(objects), QVariant::fromValue(noPrompt)});
        }
        if (member == u"ReadAlias"_s && args.size() == 1) {
            return call.createReply(QVariant::fromValue(
                QDBusObjectPath(args.at(0).toString() == u"default"_s ? collectionPath : u"/"_s)));
        }
    }

    if (interface == collectionInterface && (path == collectionPath || path == defaultAliasPath) &&
        member == u"CreateItem"_s && args.size() == 3) {
        const auto properties = qdbus_cast<QVariantMap>(args.at(0));
        const auto secret = qdbus_cast<FakeSecret>(args.at(1));
        if (!m_sessions.contains(secret.session.path()))
            return call.createErrorReply(u"org.freedesktop.Secret.Error.NoSession"_s, u"No session"_s);
        const auto attributes = qdbus_cast<QMap<QString, QString>>(properties.value(attributesProperty));
        const QString item = addItem(attributes, secret.value, secret.contentType, args.at(2).toBool());
        return call.createReply(
            QList<QVariant>{QVariant::fromValue(QDBusObjectPath(item)), QVariant::fromValue(noPrompt)});
    }

    if (interface == itemInterface && path.startsWith(collectionPath + u'/')) {
        const auto found = m_items.constFind(path);
        if (found == m_items.cend())
            return noSuchObject();
        if (member == u"Delete"_s) {
            m_items.remove(path);
            return call.createReply(QVariant::fromValue(noPrompt));
        }
        if (member == u"GetSecret"_s && args.size() == 1) {
            const QDBusObjectPath session = args.at(0).value<QDBusObjectPath>();
            if (!m_sessions.contains(session.path()))
                return call.createErrorReply(u"org.freedesktop.Secret.Error.NoSession"_s, u"No session"_s);
            return call.createReply(
                QVariant::fromValue(FakeSecret{session, {}, found->value, found->contentType}));
        }
    }

    return call.createErrorReply(u"org.freedesktop.DBus.Error.UnknownMethod"_s,
                                 u"The fake Secret Service does not know "_s + interface + u'.' + member +
                                     u" on "_s + path);
}

QList<QDBusObjectPath> FakeSecretService::search(const QMap<QString, QString> &attributes) const
{
    QList<QDBusObjectPath> found;
    for (auto it = m_items.cbegin(); it != m_items.cend(); ++it) {
        if (matches(it->attributes, attributes))
            found.append(QDBusObjectPath(it.key()));
    }
    return found;
}

QString FakeSecretService::addItem(const QMap<QString, QString> &attributes, const QByteArray &value,
                                   const QString &contentType, bool replace)
{
    if (replace) {
        for (auto it = m_items.begin(); it != m_items.end(); ++it) {
            if (it->attributes == attributes) {
                it->value = value;
                it->contentType = contentType;
                return it.key();
            }
        }
    }
    const QString path = collectionPath + u'/' + QString::number(m_nextItem++);
    m_items.insert(path, Item{attributes, value, contentType});
    return path;
}
