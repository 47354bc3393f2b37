// sgwchap — the AWS model's names of the operations and members sgwchap knows, each spelled
// once (docs/sources.md: MODEL, the shapes of storagegateway-2013-06-30).
//
// They are macros, not constants, for one reason: a static_assert message must be a string
// literal in C++20, and the builders' compile-time messages name the operation and the member
// ("UpdateChapCredentials requires InitiatorName"). Everything else reads them through the
// operation tables of <sgwchap/operations.hpp> (and `field_name` of <sgwchap/error.hpp>), so a
// member's name is written here and nowhere else in the library.
#pragma once

// Operations (MODEL `operations`).
#define SGWCHAP_NAME_UpdateChapCredentials "UpdateChapCredentials"
#define SGWCHAP_NAME_DescribeChapCredentials "DescribeChapCredentials"
#define SGWCHAP_NAME_DeleteChapCredentials "DeleteChapCredentials"
#define SGWCHAP_NAME_DescribeStorediSCSIVolumes "DescribeStorediSCSIVolumes"
#define SGWCHAP_NAME_DescribeCachediSCSIVolumes "DescribeCachediSCSIVolumes"
#define SGWCHAP_NAME_ListVolumes "ListVolumes"
#define SGWCHAP_NAME_DescribeVTLDevices "DescribeVTLDevices"

// Members (MODEL shape members; the JSON keys on the wire).
#define SGWCHAP_NAME_TargetARN "TargetARN"
#define SGWCHAP_NAME_SecretToAuthenticateInitiator "SecretToAuthenticateInitiator"
#define SGWCHAP_NAME_InitiatorName "InitiatorName"
#define SGWCHAP_NAME_SecretToAuthenticateTarget "SecretToAuthenticateTarget"
#define SGWCHAP_NAME_ChapCredentials "ChapCredentials"
#define SGWCHAP_NAME_GatewayARN "GatewayARN"
#define SGWCHAP_NAME_VolumeARN "VolumeARN"
#define SGWCHAP_NAME_VolumeARNs "VolumeARNs"
#define SGWCHAP_NAME_VTLDeviceARN "VTLDeviceARN"
#define SGWCHAP_NAME_VTLDeviceARNs "VTLDeviceARNs"
#define SGWCHAP_NAME_Marker "Marker"
#define SGWCHAP_NAME_Limit "Limit"
#define SGWCHAP_NAME_VolumeInfos "VolumeInfos"
#define SGWCHAP_NAME_VolumeId "VolumeId"
#define SGWCHAP_NAME_GatewayId "GatewayId"
#define SGWCHAP_NAME_VolumeType "VolumeType"
#define SGWCHAP_NAME_VolumeSizeInBytes "VolumeSizeInBytes"
#define SGWCHAP_NAME_VolumeAttachmentStatus "VolumeAttachmentStatus"
#define SGWCHAP_NAME_StorediSCSIVolumes "StorediSCSIVolumes"
#define SGWCHAP_NAME_CachediSCSIVolumes "CachediSCSIVolumes"
#define SGWCHAP_NAME_VolumeStatus "VolumeStatus"
#define SGWCHAP_NAME_VolumeProgress "VolumeProgress"
#define SGWCHAP_NAME_VolumeDiskId "VolumeDiskId"
#define SGWCHAP_NAME_SourceSnapshotId "SourceSnapshotId"
#define SGWCHAP_NAME_PreservedExistingData "PreservedExistingData"
#define SGWCHAP_NAME_VolumeiSCSIAttributes "VolumeiSCSIAttributes"
#define SGWCHAP_NAME_CreatedDate "CreatedDate"
#define SGWCHAP_NAME_VolumeUsedInBytes "VolumeUsedInBytes"
#define SGWCHAP_NAME_KMSKey "KMSKey"
#define SGWCHAP_NAME_TargetName "TargetName"
#define SGWCHAP_NAME_NetworkInterfaceId "NetworkInterfaceId"
#define SGWCHAP_NAME_NetworkInterfacePort "NetworkInterfacePort"
#define SGWCHAP_NAME_LunNumber "LunNumber"
#define SGWCHAP_NAME_ChapEnabled "ChapEnabled"
#define SGWCHAP_NAME_VTLDevices "VTLDevices"
#define SGWCHAP_NAME_VTLDeviceType "VTLDeviceType"
#define SGWCHAP_NAME_VTLDeviceVendor "VTLDeviceVendor"
#define SGWCHAP_NAME_VTLDeviceProductIdentifier "VTLDeviceProductIdentifier"
#define SGWCHAP_NAME_DeviceiSCSIAttributes "DeviceiSCSIAttributes"
