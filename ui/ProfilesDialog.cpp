#include "ProfilesDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace fc {

static QLineEdit *makeEdit(const QString &objectName, const QString &accessibleName,
                           const QString &placeholder = {})
{
    auto *edit = new QLineEdit;
    edit->setObjectName(objectName);
    edit->setAccessibleName(accessibleName);
    edit->setPlaceholderText(placeholder);
    return edit;
}

ProfilesDialog::ProfilesDialog(QWidget *parent) : QDialog(parent)
{
    setObjectName(u"profilesDialog"_s);
    setWindowTitle(tr("Profiles"));
    setAccessibleName(windowTitle());
    setAttribute(Qt::WA_DeleteOnClose);
    auto *layout = new QHBoxLayout(this);

    auto *left = new QVBoxLayout;
    m_list = new QListWidget;
    m_list->setObjectName(u"profileList"_s);
    m_list->setAccessibleName(tr("Profiles"));
    left->addWidget(m_list, 1);
    auto *listButtons = new QHBoxLayout;
    auto *add = new QPushButton(tr("&Add"));
    add->setObjectName(u"addProfileButton"_s);
    m_remove = new QPushButton(tr("&Remove"));
    m_remove->setObjectName(u"removeProfileButton"_s);
    listButtons->addWidget(add);
    listButtons->addWidget(m_remove);
    left->addLayout(listButtons);
    layout->addLayout(left, 1);

    auto *right = new QVBoxLayout;
    m_form = new QWidget;
    auto *form = new QFormLayout(m_form);
    form->setContentsMargins(0, 0, 0, 0);
    m_name = makeEdit(u"profileNameEdit"_s, tr("Profile name"), tr("e.g. Contoso production"));
    m_cloud = new QComboBox;
    m_cloud->setObjectName(u"cloudCombo"_s);
    m_cloud->setAccessibleName(tr("Cloud"));
    for (CloudPreset preset : allCloudPresets())
        m_cloud->addItem(cloudPresetName(preset), static_cast<int>(preset));
    m_tenant = makeEdit(u"tenantEdit"_s, tr("Tenant"), tr("contoso.onmicrosoft.com or a tenant ID"));
    m_clientId =
        makeEdit(u"clientIdEdit"_s, tr("Client ID"), tr("Application (client) ID of your app registration"));
    m_loginHint = makeEdit(u"loginHintEdit"_s, tr("Account hint"), tr("optional: user@contoso.com"));
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Cloud:"), m_cloud);
    form->addRow(tr("&Tenant:"), m_tenant);
    form->addRow(tr("Client &ID:"), m_clientId);
    form->addRow(tr("Acc&ount:"), m_loginHint);

    // A check box rather than a group box: collapsed, a group box still draws its empty frame.
    m_advanced = new QCheckBox(tr("Ad&vanced settings"));
    m_advanced->setObjectName(u"advancedCheck"_s);
    m_advanced->setAccessibleName(tr("Show advanced settings"));
    // The advanced rows belong to the same form as the others, so that their labels and fields
    // line up with Name, Cloud and Tenant; the check box shows or hides the rows.
    m_authority = makeEdit(u"authorityEdit"_s, tr("Authority base URL"));
    m_flowApi = makeEdit(u"flowApiEdit"_s, tr("Flow API base URL"));
    m_powerAppsApi = makeEdit(u"powerAppsApiEdit"_s, tr("Power Apps API base URL"));
    m_graph = makeEdit(u"graphEdit"_s, tr("Microsoft Graph base URL"));
    m_dialect = new QComboBox;
    m_dialect->setObjectName(u"dialectCombo"_s);
    m_dialect->setAccessibleName(tr("API dialect"));
    m_dialect->addItem(tr("Live service"), static_cast<int>(Dialect::Live));
    m_dialect->addItem(tr("OpenAPI specification"), static_cast<int>(Dialect::Spec));
    form->addRow(m_advanced);
    form->addRow(tr("A&uthority:"), m_authority);
    form->addRow(tr("Flow &API:"), m_flowApi);
    form->addRow(tr("&Power Apps API:"), m_powerAppsApi);
    form->addRow(tr("&Graph:"), m_graph);
    form->addRow(tr("&Dialect:"), m_dialect);
    m_advancedFields = {m_authority, m_flowApi, m_powerAppsApi, m_graph, m_dialect};
    const auto showAdvanced = [form, this](bool shown) {
        for (QWidget *field : std::as_const(m_advancedFields))
            form->setRowVisible(field, shown);
    };
    showAdvanced(false);
    connect(m_advanced, &QCheckBox::toggled, this, showAdvanced);
    right->addWidget(m_form);

    m_error = new QLabel;
    m_error->setObjectName(u"profileError"_s);
    m_error->setAccessibleName(tr("Profile problem"));
    m_error->setWordWrap(true);
    QPalette errorPalette = m_error->palette();
    errorPalette.setColor(QPalette::WindowText, QColor(0xc0, 0x20, 0x20));
    m_error->setPalette(errorPalette);
    right->addWidget(m_error);
    right->addStretch();

    auto *box = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Close);
    box->button(QDialogButtonBox::Save)->setObjectName(u"saveProfileButton"_s);
    m_signIn = box->addButton(tr("&Sign in"), QDialogButtonBox::ActionRole);
    m_signIn->setObjectName(u"profileSignInButton"_s);
    right->addWidget(box);
    layout->addLayout(right, 2);

    connect(box, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(box->button(QDialogButtonBox::Save), &QPushButton::clicked, this, [this] {
        if (commit())
            m_error->setText(tr("Saved."));
    });
    connect(m_signIn, &QPushButton::clicked, this, [this] {
        if (!commit())
            return;
        emit signInRequested(m_profiles[m_current]);
        accept();
    });
    connect(add, &QPushButton::clicked, this, &ProfilesDialog::addProfile);
    connect(m_remove, &QPushButton::clicked, this, &ProfilesDialog::removeProfile);
    connect(m_cloud, &QComboBox::currentIndexChanged, this, &ProfilesDialog::onPresetChanged);
    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) {
        if (m_filling)
            return;
        showProfile(row);
    });

    QSettings settings;
    m_profiles = ProfileStore::load(settings);
    for (const Profile &p : std::as_const(m_profiles))
        m_list->addItem(p.name);
    if (m_profiles.isEmpty())
        addProfile();
    else
        m_list->setCurrentRow(0);
    resize(820, 480);
}

void ProfilesDialog::showProfile(int row)
{
    m_current = row;
    const bool valid = row >= 0 && row < m_profiles.size();
    m_form->setEnabled(valid);
    m_advanced->setEnabled(valid);
    for (QWidget *field : std::as_const(m_advancedFields))
        field->setEnabled(valid);
    m_remove->setEnabled(valid);
    m_signIn->setEnabled(valid);
    m_error->clear();
    if (!valid)
        return;
    const Profile &p = m_profiles[row];
    m_filling = true;
    m_name->setText(p.name);
    m_cloud->setCurrentIndex(m_cloud->findData(static_cast<int>(p.cloud)));
    m_tenant->setText(p.tenant);
    m_clientId->setText(p.clientId);
    m_loginHint->setText(p.loginHint);
    m_authority->setText(p.authorityBase.toString());
    m_flowApi->setText(p.flowApiBase.toString());
    m_powerAppsApi->setText(p.powerAppsApiBase.toString());
    m_graph->setText(p.graphBase.toString());
    m_dialect->setCurrentIndex(m_dialect->findData(static_cast<int>(p.dialect)));
    m_filling = false;
}

void ProfilesDialog::onPresetChanged()
{
    if (m_filling)
        return;
    const auto preset = static_cast<CloudPreset>(m_cloud->currentData().toInt());
    if (preset == CloudPreset::Custom) {
        m_advanced->setChecked(true); // custom URLs are typed under Advanced
        return;
    }
    const Profile urls = Profile::fromPreset(preset);
    m_authority->setText(urls.authorityBase.toString());
    m_flowApi->setText(urls.flowApiBase.toString());
    m_powerAppsApi->setText(urls.powerAppsApiBase.toString());
    m_graph->setText(urls.graphBase.toString());
}

Profile ProfilesDialog::fromForm() const
{
    Profile p = m_current >= 0 && m_current < m_profiles.size() ? m_profiles[m_current] : Profile();
    const auto preset = static_cast<CloudPreset>(m_cloud->currentData().toInt());
    if (preset != p.cloud && preset != CloudPreset::Custom)
        p.applyPreset(preset);
    p.cloud = preset;
    p.name = m_name->text().trimmed();
    p.tenant = m_tenant->text().trimmed();
    p.clientId = m_clientId->text().trimmed();
    p.loginHint = m_loginHint->text().trimmed();
    p.authorityBase = QUrl(m_authority->text().trimmed());
    p.flowApiBase = QUrl(m_flowApi->text().trimmed());
    p.powerAppsApiBase = QUrl(m_powerAppsApi->text().trimmed());
    p.graphBase = QUrl(m_graph->text().trimmed());
    p.dialect = static_cast<Dialect>(m_dialect->currentData().toInt());
    return p;
}

bool ProfilesDialog::commit()
{
    if (m_current < 0 || m_current >= m_profiles.size())
        return false;
    const Profile p = fromForm();
    if (auto problem = p.validate()) {
        m_error->setText(*problem);
        return false;
    }
    for (int i = 0; i < m_profiles.size(); ++i) {
        if (i != m_current && m_profiles[i].name == p.name) {
            m_error->setText(tr("Another profile is already called \"%1\".").arg(p.name));
            return false;
        }
    }
    m_profiles[m_current] = p;
    m_list->item(m_current)->setText(p.name);
    store();
    m_error->clear();
    return true;
}

void ProfilesDialog::addProfile()
{
    Profile p = Profile::fromPreset(CloudPreset::Public);
    p.name = tr("New profile");
    p.tenant = u"organizations"_s;
    m_profiles.append(p);
    m_filling = true;
    m_list->addItem(p.name);
    m_filling = false;
    m_list->setCurrentRow(static_cast<int>(m_profiles.size()) - 1);
    showProfile(static_cast<int>(m_profiles.size()) - 1);
    m_name->setFocus();
    m_name->selectAll();
}

void ProfilesDialog::removeProfile()
{
    if (m_current < 0 || m_current >= m_profiles.size())
        return;
    const int row = m_current;
    m_profiles.removeAt(row);
    m_filling = true;
    delete m_list->takeItem(row);
    m_filling = false;
    store();
    const int next = qMin(row, static_cast<int>(m_profiles.size()) - 1);
    m_list->setCurrentRow(next);
    showProfile(next);
}

void ProfilesDialog::store()
{
    QSettings settings;
    ProfileStore::save(settings, m_profiles);
}

} // namespace fc
